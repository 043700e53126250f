package org.pyport.kernel.exec;

import jdk.jshell.execution.LocalExecutionControl;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JShell execution engine running snippets inside the kernel JVM.
 *
 * <p>Differences from {@link LocalExecutionControl}:
 * <ul>
 *   <li>classes are loaded by a {@link CellClassLoader}: the notebook's class path before the helper library's, the
 *       kernel's internals not at all;</li>
 *   <li>every loaded class's (original, un-instrumented) bytecode is also written below a folder, so child
 *       JVMs started by notebook code can load classes defined in cells;</li>
 *   <li>{@link #invoke(Method)} runs the snippet on its own thread (in a fresh thread group per cell) and waits
 *       only for that thread, not for threads the cell starts, so a cell may leave a server thread running;</li>
 *   <li>the raw result object is kept (see {@link #takeResult(String)}) so the kernel can render it richly;</li>
 *   <li>{@link #stop()} uses {@code Thread.stop} where the JDK still supports it (17..19) and otherwise the JDK's
 *       own mechanism: since JDK 21 {@code LocalExecutionControl.load} instruments snippet bytecode with stop
 *       checks that fire once its {@code stop()} was called. What that does not stop within a fraction of a
 *       second (code inside the JDK, blocked threads) gets a {@code ThreadDeath} by JVM TI, and
 *       {@link #invoke(Method)} returns within about a second of the stop whatever happens: threads that still
 *       run are left, and named in the cell's error ({@link CellThreadStop}).</li>
 * </ul>
 */
public class CellExecutionControl extends LocalExecutionControl {

    /** Pseudo exception class name reported when a cell was interrupted. */
    public static final String INTERRUPTED = "Cell interrupted";

    private static final boolean THREAD_STOP_WORKS = Runtime.version().feature() < 20;
    /** how often the thread waiting for a cell looks whether it was asked to stop it */
    private static final long STOP_POLL_MILLIS = 20;
    private static final AtomicInteger CELL_NUMBER = new AtomicInteger();
    private static final AtomicLong INVOCATIONS_ENDED = new AtomicLong();
    private static final Object NULL = new Object();

    private final Path classDir;
    private final CellLoaderDelegate loader;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private volatile Throwable lastFailure;

    private volatile Thread running;
    private volatile ThreadGroup runningGroup;
    private volatile boolean stopRequested;
    /** an interrupt that came before the snippet started (while JShell compiled it): the next invoke must not run */
    private volatile boolean stopBeforeStart;
    private boolean jdkStopReady;
    private volatile List<Thread> leftRunning = List.of();

    /**
     * @param classDir folder receiving the bytecode of every class loaded by JShell, or null for none
     */
    public CellExecutionControl(Path classDir) {
        this(classDir, new CellLoaderDelegate(ClassPathRoles.ofThisJvm()));
    }

    private CellExecutionControl(Path classDir, CellLoaderDelegate loader) {
        super(loader);
        this.classDir = classDir;
        this.loader = loader;
    }

    /** @return the class loader of notebook code (see {@link CellClassLoader}) */
    public ClassLoader notebookClassLoader() {
        return loader.loader();
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(guardExits(cbcs));
        writeClasses(cbcs);
    }

    /**
     * Redefines classes in place, keeping the values of their static fields (the notebook's variables), as JShell's
     * default engine does with JDI; without the kernel's agent not supported, and JShell replaces them (see
     * {@link ClassRedefinition}).
     */
    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        if (!ClassRedefinition.available()) {
            throw new NotImplementedException("redefine not supported: the kernel was started without its agent");
        }
        // through the JDK's load, which adds its stop checks (JDK 21+) as to a class loaded anew: the loader
        // delegate redefines a class it has loaded before
        super.load(guardExits(cbcs));
        writeClasses(cbcs);
    }

    /** Cell code must not end the kernel: its System.exit calls throw instead (see {@link ExitCallRewriter}). */
    private static ClassBytecodes[] guardExits(ClassBytecodes[] cbcs) {
        ClassBytecodes[] out = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            out[i] = new ClassBytecodes(cbcs[i].name(), ExitCallRewriter.rewrite(cbcs[i].bytecodes()));
        }
        return out;
    }

    /** Writes the classes as compiled (without the exit guard: child JVMs may exit). */
    private void writeClasses(ClassBytecodes[] cbcs) {
        if (classDir == null) {
            return;
        }
        for (ClassBytecodes cbc : cbcs) {
            Path file = classDir.resolve(cbc.name().replace('.', '/') + ".class");
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, cbc.bytecodes());
            } catch (IOException e) {
                // not fatal for the notebook itself: only child JVMs would miss this class
                System.err.println("pyport kernel: cannot write " + file + ": " + e);
            }
        }
    }

    /** Does nothing; invoked through the JDK's own {@code invoke} to (re)arm its stop machinery. */
    public static void noop() {
        // intentionally empty
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        if (!THREAD_STOP_WORKS && (!jdkStopReady || stopRequested)) {
            // The JDK's invoke creates its stop-check class and clears the "stop" flag: run it on a no-op.
            super.invoke(CellExecutionControl.class.getMethod("noop"));
            jdkStopReady = true;
        }
        stopRequested = false;
        int n = CELL_NUMBER.incrementAndGet();
        ThreadGroup group = new CellThreadGroup(KernelThreads.CELL + n);
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(group, () -> {
            try {
                result[0] = doitMethod.invoke(null);
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, KernelThreads.CELL + n);
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        // a snippet run from cell code (the notebook's eval(..), a magic used as a value) nests in its cell's
        Thread outer = running;
        ThreadGroup outerGroup = runningGroup;
        runningGroup = group;
        running = thread;
        leftRunning = List.of();
        if (stopBeforeStart) {
            // checked after setting running: stop() either saw no running snippet and set this flag, or stops it
            running = outer;
            runningGroup = outerGroup;
            INVOCATIONS_ENDED.incrementAndGet();
            throw new UserException("interrupted", INTERRUPTED, new StackTraceElement[0]);
        }
        try (ThreadStopper.Shield waiting = ThreadStopper.shield()) {
            thread.start();
            while (thread.isAlive() && !stopRequested) {
                thread.join(STOP_POLL_MILLIS);
            }
            if (stopRequested) {
                leftRunning = CellThreadStop.stopAll(group);
            }
        } finally {
            running = outer;
            runningGroup = outerGroup;
            INVOCATIONS_ENDED.incrementAndGet();
        }
        if (stopRequested) {
            throw new UserException("interrupted", INTERRUPTED, new StackTraceElement[0]);
        }
        if (failure[0] instanceof OutOfMemoryError) {
            OutOfMemory.giveBack();
        }
        if (failure[0] != null) {
            lastFailure = failure[0];
            throw new InvocationTargetException(failure[0]);
        }
        String key = UUID.randomUUID().toString();
        results.put(key, result[0] == null ? NULL : result[0]);
        return key;
    }

    /**
     * @return how many snippet invocations have ended in this JVM: one that ended since an interrupt means the
     * interrupt reached the cell's code (and the request it belongs to is about to end by itself)
     */
    public static long invocationsEnded() {
        return INVOCATIONS_ENDED.get();
    }

    /** Threads of a cell; a thread ended by an interrupt ({@code ThreadDeath}) dies quietly. */
    private static final class CellThreadGroup extends ThreadGroup {
        CellThreadGroup(String name) {
            super(name);
        }

        @Override
        @SuppressWarnings("removal")
        public void uncaughtException(Thread t, Throwable e) {
            if (!(e instanceof ThreadDeath)) {
                super.uncaughtException(t, e);
            }
        }
    }

    /**
     * Returns (and forgets) the value produced by the invocation that returned {@code key}.
     *
     * @param key what {@code invoke} returned, i.e. the snippet event's value
     * @return the value, null if the snippet produced null or the key is unknown
     */
    public Object takeResult(String key) {
        Object value = key == null ? null : results.remove(key);
        return value == NULL ? null : value;
    }

    /** @return the exception thrown by the last failed invocation, as thrown (JShell only keeps a copy) */
    public Throwable lastFailure() {
        return lastFailure;
    }

    /** Forgets all kept results and failures (called after each snippet so nothing accumulates). */
    public void clearResults() {
        results.clear();
        lastFailure = null;
    }

    /** @return threads still alive in the thread group of the last interrupted cell, which could not be stopped */
    public List<Thread> threadsLeftByInterruptedCell() {
        return leftRunning;
    }

    /**
     * Makes the next invocation fail as interrupted instead of running: for an interrupt that arrives while
     * JShell is still compiling the snippet (before {@link #isRunning()}), which {@link #stop()} cannot reach.
     */
    public void stopBeforeStart() {
        stopBeforeStart = true;
    }

    /** Forgets {@link #stopBeforeStart()}; called when a cell starts. */
    public void clearStopBeforeStart() {
        stopBeforeStart = false;
    }

    /** @return true while a snippet is executing */
    public boolean isRunning() {
        return running != null;
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() throws EngineTerminationException, InternalException {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        stopRequested = true;
        if (THREAD_STOP_WORKS) {
            // the cell thread and every thread it started (they share its thread group)
            ThreadGroup group = runningGroup;
            for (Thread t : group == null ? List.of(thread) : CellThreadStop.liveThreads(group)) {
                t.stop();
            }
        } else {
            // sets the flag checked by the instrumented snippet code (JDK 21+): code defined in cells stops
            // in every thread; the thread group is also interrupted for code blocked in library calls
            super.stop();
            ThreadGroup group = runningGroup;
            if (group != null) {
                group.interrupt();
            }
        }
    }
}
