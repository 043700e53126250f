package org.pyport.child;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.pyport.serial.SerialFilters;

/**
 * Launches child JVMs running notebook-defined code: Java has no {@code fork()}, so where Python's
 * multiprocessing forks, the port starts a new JVM on the same classpath. The command line is built by
 * {@link JvmCommand}: the child's classpath is the kernel's compile classpath ({@code pyport.classpath})
 * plus the folder with the bytecode of cell-defined classes ({@code pyport.cellClassDir}), else
 * {@code java.class.path}; so a class defined in a cell (JShell names it like {@code REPL.$JShell$12$Worker})
 * loads in the child by its {@code getName()}.
 */
public final class ChildJvm {
    static final String STATIC = "--static";
    static final String RUNNABLE = "--runnable";
    static final String PARENT_PID = "pyport.parentPid";
    /** The largest serialized task a child reads from its stdin. */
    static final int MAX_TASK_BYTES = 64 << 20;

    private ChildJvm() {}

    /** Starts a child running {@code mainClass.staticMethod(args)} (a {@code static void m(String[])} or {@code m()}). */
    public static ChildProcess start(Class<?> mainClass, String staticMethod, String... args) {
        return with().start(mainClass, staticMethod, args);
    }

    /**
     * Starts a child running {@code task}, shipped serialized on the child's stdin (never in a file or on the
     * command line): all it captures must be serializable, and the child reads it through
     * {@link SerialFilters#tasks()}. The child starts fresh, like a spawned (not forked) Python process:
     * static state, including JShell's top-level variables, has its initial value there, so pass data as
     * captured locals.
     */
    public static ChildProcess start(SerializableRunnable task) {
        return with().start(task);
    }

    /** Options: {@code ChildJvm.with().jvmArgs("-Xmx64m").env("K", "v").inheritOutput(true).start(...)}. */
    public static Options with() {
        return new Options();
    }

    /** Child launch options; setters return this. */
    public static final class Options {
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private boolean echo = true;
        private String prefix = "";
        private Path dir;

        private Options() {}

        /** Extra JVM options for the child (e.g. {@code -Xmx64m}, {@code -Dkey=value}). */
        public Options jvmArgs(String... args) {
            Collections.addAll(jvmArgs, args);
            return this;
        }

        /** An environment variable for the child. */
        public Options env(String key, String value) {
            env.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /** Whether the child's output is echoed to this JVM's System.out/err (default true); it is always kept for stdout(). */
        public Options inheritOutput(boolean echoOutput) {
            this.echo = echoOutput;
            return this;
        }

        /** A prefix for each echoed line, e.g. {@code "[child] "}. */
        public Options prefix(String p) {
            this.prefix = p == null ? "" : p;
            return this;
        }

        /** Working directory of the child. */
        public Options dir(Path d) {
            this.dir = d;
            return this;
        }

        /** Starts {@code mainClass.staticMethod(args)} in a child JVM. */
        public ChildProcess start(Class<?> mainClass, String staticMethod, String... args) {
            Objects.requireNonNull(mainClass, "mainClass");
            findEntry(mainClass, staticMethod); // fail here, with a clear message, not in the child
            requireCellClassDir(mainClass.getName());
            List<String> cmd = new ArrayList<>();
            cmd.add(STATIC);
            cmd.add(mainClass.getName());
            cmd.add(staticMethod);
            if (args != null) cmd.addAll(Arrays.asList(args));
            return launch(cmd, mainClass.getName() + "." + staticMethod, null);
        }

        /** Starts {@code task} in a child JVM. */
        public ChildProcess start(SerializableRunnable task) {
            Objects.requireNonNull(task, "task");
            requireCellClassDir(task.getClass().getName());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
                o.writeObject(task);
            } catch (java.io.NotSerializableException e) {
                throw new IllegalArgumentException("the task captures a value that is not serializable ("
                        + e.getMessage() + "): capture only serializable values, or use start(Class, method, args)", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serialize the task for the child JVM", e);
            }
            return launch(List.of(RUNNABLE), "task " + task.getClass().getName(), bytes.toByteArray());
        }

        private ChildProcess launch(List<String> mainArgs, String description, byte[] task) {
            ProcessBuilder pb = JvmCommand.of(ChildJvm.class)
                    .jvmOptions("-Djava.awt.headless=true", "-D" + PARENT_PID + "=" + ProcessHandle.current().pid())
                    .jvmOptions(jvmArgs)
                    .args(mainArgs)
                    .env(env)
                    .directory(dir)
                    .toProcessBuilder();
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a child JVM with " + pb.command().get(0), e);
            }
            try (DataOutputStream stdin = new DataOutputStream(p.getOutputStream())) {
                if (task != null) {
                    stdin.writeInt(task.length);
                    stdin.write(task);
                }
            } catch (IOException e) {
                // the child died at once: its exit code and stderr say why
            }
            return new ChildProcess(p, description, echo, prefix);
        }
    }

    /**
     * Cell-defined classes (JShell puts them in package {@code REPL}) exist only as bytecode in the
     * kernel's class folder: without it the child could not load them.
     */
    static void requireCellClassDir(String className) {
        String dir = System.getProperty("pyport.cellClassDir");
        if (className.startsWith("REPL.") && (dir == null || dir.isBlank())) {
            throw new IllegalStateException(className + " was defined in a notebook cell, but system property "
                    + "pyport.cellClassDir (the folder where the kernel writes cell bytecode) is not set, so a child "
                    + "JVM cannot load it: use the pyport kernel, or move the class into a library on the classpath");
        }
    }

    /** The static method to run: {@code m(String[])} preferred, else {@code m()}. */
    static Method findEntry(Class<?> c, String name) {
        Objects.requireNonNull(name, "method name");
        for (Class<?>[] sig : new Class<?>[][] {{String[].class}, {}}) {
            try {
                Method m = c.getDeclaredMethod(name, sig);
                if (!Modifier.isStatic(m.getModifiers())) {
                    throw new IllegalArgumentException(c.getName() + "." + name + " must be static to run in a child JVM");
                }
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException e) {
                // try the other signature
            }
        }
        throw new IllegalArgumentException("no method static void " + name + "(String[] args) or " + name + "() in " + c.getName());
    }

    // ---- child side ------------------------------------------------------------------------------

    /**
     * Child-side entry point: {@code --static <class> <method> [args...]} or {@code --runnable} (the task
     * on stdin: its length as a 4-byte int, then its bytes).
     * Exits 0 on success, 1 with the stack trace when the code throws, 2 on bad arguments.
     */
    public static void main(String[] args) {
        watchParent();
        if (args.length >= 3 && args[0].equals(STATIC)) {
            exitAfter(() -> runStatic(args[1], args[2], Arrays.copyOfRange(args, 3, args.length)));
        } else if (args.length == 1 && args[0].equals(RUNNABLE)) {
            exitAfter(() -> readTask().run());
        } else {
            System.err.println("usage: ChildJvm --static <class> <method> [args...] | --runnable (task on stdin)");
            System.exit(2);
        }
    }

    private interface Body {
        void run() throws Throwable;
    }

    private static void exitAfter(Body body) {
        int code = 0;
        try {
            body.run();
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            code = 1;
        } catch (Throwable t) {
            t.printStackTrace();
            code = 1;
        }
        System.out.flush();
        System.err.flush();
        // exit explicitly: a leftover non-daemon thread must not keep the child alive
        System.exit(code);
    }

    private static void runStatic(String className, String method, String[] args) throws Throwable {
        Class<?> c = Class.forName(className, true, ChildJvm.class.getClassLoader());
        Method m = findEntry(c, method);
        if (m.getParameterCount() == 1) m.invoke(null, (Object) args);
        else m.invoke(null);
    }

    private static Runnable readTask() throws IOException, ClassNotFoundException {
        DataInputStream in = new DataInputStream(System.in);
        int n = in.readInt();
        if (n < 0 || n > MAX_TASK_BYTES) throw new IOException("a task of " + n + " bytes (limit " + MAX_TASK_BYTES + ")");
        byte[] task = new byte[n];
        in.readFully(task);
        return (Runnable) SerialFilters.read(task, ChildJvm.class.getClassLoader(), SerialFilters.tasks());
    }

    /** Exits when the parent JVM is gone (e.g. the kernel was killed), so no child outlives its notebook. */
    private static void watchParent() {
        String ppid = System.getProperty(PARENT_PID);
        if (ppid == null) return;
        long pid;
        try {
            pid = Long.parseLong(ppid);
        } catch (NumberFormatException e) {
            return;
        }
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                Runtime.getRuntime().halt(3);
            }
        }, "pyport-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
