package org.pyport.kernel.magic;

import org.pyport.kernel.exec.CellError;
import org.pyport.kernel.exec.KernelThreads;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.io.File;
import java.util.Comparator;

/**
 * {@code %%python [--out NAME]}: runs the cell body with CPython ({@code python3} from PATH, or the program named
 * by the environment variable {@code PYPORT_PYTHON}), streaming its stdout and stderr into the cell as they come.
 * A non-zero exit status fails the cell. With {@code --out NAME} the exact stdout text is also stored in a
 * notebook variable {@code String NAME}.
 */
public final class PythonMagic implements KernelMagic {

    private static final String SITECUSTOMIZE = String.join("\n",
            "# written by the pyport kernel's %%python: line-buffered output",
            "import sys",
            "for _s in (sys.stdout, sys.stderr):",
            "    try:",
            "        _s.reconfigure(line_buffering=True)",
            "    except Exception:",
            "        pass",
            "");

    private volatile Process running;
    private volatile boolean interrupted;

    @Override
    public Object run(MagicHost kernel, MagicCall call) throws Exception {
        String body = call.body();
        String outVar = parseOutVar(call.args());
        String python = pythonCommand();
        Path dir = Files.createTempDirectory("pyport-python");
        Path script = dir.resolve("cell.py");
        Files.writeString(script, body, StandardCharsets.UTF_8);
        StringBuilder captured = outVar == null ? null : new StringBuilder();
        interrupted = false;
        if (kernel.interruptRequested()) {
            throw interruptedError();
        }
        try {
            // Line buffering, so output streams in line by line while each line is written in one piece: with -u a
            // print() is two writes (text, then "\n") and lines of concurrent processes (multiprocessing) get
            // glued together; with CPython's default block buffering for pipes nothing shows until the end.
            // A sitecustomize on PYTHONPATH switches it on in this python and in pythons it starts.
            Files.writeString(dir.resolve("sitecustomize.py"), SITECUSTOMIZE, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(python, script.toString());
            String pythonPath = builder.environment().get("PYTHONPATH");
            builder.environment().put("PYTHONPATH",
                    pythonPath == null || pythonPath.isEmpty() ? dir.toString() : dir + File.pathSeparator + pythonPath);
            builder.environment().remove("PYTHONUNBUFFERED");
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            builder.redirectInput(ProcessBuilder.Redirect.PIPE);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new CellError("PythonNotFound", "cannot run '" + python + "': " + e.getMessage(),
                        List.of("Cannot run '" + python + "' (" + e.getMessage() + ").",
                                "Put python3 on PATH or set the environment variable PYPORT_PYTHON."));
            }
            running = process;
            if (kernel.interruptRequested()) {
                interrupt(); // the interrupt came while the process was starting
            }
            process.getOutputStream().close();
            Thread out = pump(process.getInputStream(), System.out, captured, KernelThreads.PYTHON_OUTPUT + "stdout");
            Thread err = pump(process.getErrorStream(), System.err, null, KernelThreads.PYTHON_OUTPUT + "stderr");
            int status;
            try {
                status = process.waitFor();
                out.join();
                err.join();
            } finally {
                running = null;
            }
            if (interrupted) {
                throw interruptedError();
            }
            if (status != 0) {
                String msg = python + " exited with status " + status;
                throw new CellError("PythonError", msg, List.of("%%python failed: " + msg + " (see its output above)."));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        if (outVar != null) {
            kernel.defineString(outVar, captured.toString());
        }
        return null;
    }

    private static CellError interruptedError() {
        return new CellError("Interrupted", "python interrupted", List.of("Interrupted (python process killed)."));
    }

    /** @return the variable named by {@code --out NAME}, or null */
    static String parseOutVar(List<String> args) {
        String outVar = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--out") && i + 1 < args.size()) {
                outVar = args.get(++i);
            } else if (arg.startsWith("--out=")) {
                outVar = arg.substring("--out=".length());
            } else {
                throw new CellError("UsageError", "unknown %%python argument: " + arg,
                        List.of("Usage: %%python [--out NAME]", "unknown argument: " + arg));
            }
        }
        if (outVar != null && !outVar.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw new CellError("UsageError", "not a Java variable name: " + outVar,
                    List.of("Usage: %%python [--out NAME]", "not a Java variable name: " + outVar));
        }
        return outVar;
    }

    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();

    /**
     * @return the CPython to run: {@code $PYPORT_PYTHON} if set, else {@code python3} from PATH; resolved once to
     *         the interpreter itself ({@code sys.executable}), because launcher shims such as pyenv's add
     *         half a second to every cell
     */
    public static String pythonCommand() {
        String fromEnv = System.getenv("PYPORT_PYTHON");
        String command = fromEnv == null || fromEnv.isBlank() ? "python3" : fromEnv;
        return RESOLVED.computeIfAbsent(command, PythonMagic::resolve);
    }

    private static String resolve(String command) {
        try {
            Process p = new ProcessBuilder(command, "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0 && !out.isEmpty() && !out.contains("\n") && Files.isExecutable(Path.of(out))) {
                return out;
            }
        } catch (IOException e) {
            return command; // reported when the cell runs it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return command;
    }

    private static Thread pump(InputStream in, PrintStream target, StringBuilder capture, String name) {
        Thread thread = new Thread(() -> {
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buffer = new char[8192];
                int n;
                while ((n = reader.read(buffer)) > 0) {
                    String chunk = new String(buffer, 0, n);
                    if (capture != null) {
                        capture.append(chunk);
                    }
                    target.print(chunk);
                    target.flush();
                }
            } catch (IOException e) {
                target.println("[pyport: lost python output: " + e + "]");
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Kills the running python process and its children, if any. */
    public void interrupt() {
        Process process = running;
        if (process == null) {
            return;
        }
        interrupted = true;
        List<ProcessHandle> family = new ArrayList<>();
        process.descendants().forEach(family::add);
        process.destroy();
        family.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        family.forEach(ProcessHandle::destroyForcibly);
    }
}
