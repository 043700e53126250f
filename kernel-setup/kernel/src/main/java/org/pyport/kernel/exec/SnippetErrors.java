package org.pyport.kernel.exec;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * What the user sees of a snippet that failed: compilation errors and exceptions as {@link CellError}s whose lines
 * name the cell and the line (also of code defined in earlier cells), without the kernel's and JShell's frames.
 */
final class SnippetErrors {

    private static final String INDENT = "    ";

    private final JShell shell;
    private final IntSupplier cellNumber;
    /** snippet id -> where its source came from, to name frames of code defined in earlier cells */
    private final Map<String, Location> locations = new ConcurrentHashMap<>();

    private record Location(int cell, int firstLine, String source) {
    }

    SnippetErrors(JShell shell, IntSupplier cellNumber) {
        this.shell = shell;
        this.cellNumber = cellNumber;
    }

    /** Remembers where a snippet's source is: cell, first line, text. */
    void locate(Snippet snippet, int line, String source) {
        locations.put(snippet.id(), new Location(cellNumber.getAsInt(), line, source));
    }

    /** Warns that a declaration can only be used once what it refers to is declared. */
    void warnUnresolved(Snippet snippet) {
        if (snippet instanceof DeclarationSnippet declaration) {
            List<String> missing = shell.unresolvedDependencies(declaration).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                System.err.println("warning: " + describe(snippet) + " can only be used once "
                        + String.join(", ", missing) + " is defined");
            }
        }
    }

    private static String describe(Snippet snippet) {
        return snippet instanceof DeclarationSnippet d ? d.name() : "this code";
    }

    /** @return the error of a snippet that did not compile, with the cell's line numbers */
    CellError compileError(Snippet snippet, int line) {
        String source = snippet.source();
        List<String> out = new ArrayList<>();
        String first = null;
        for (Diag diag : shell.diagnostics(snippet).collect(Collectors.toList())) {
            if (!diag.isError()) {
                continue;
            }
            long pos = Math.max(0, diag.getStartPosition());
            pos = Math.min(pos, source.length());
            int lineInSnippet = JShellEvaluator.countLines(source, (int) pos);
            int lineStart = source.lastIndexOf('\n', (int) pos - 1) + 1;
            int lineEnd = source.indexOf('\n', lineStart);
            String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            String message = diag.getMessage(Locale.ROOT).lines()
                    .filter(l -> !l.strip().startsWith("location:"))
                    .collect(Collectors.joining("\n"));
            if (first == null) {
                first = message.lines().findFirst().orElse(message) + " (line " + (line + lineInSnippet + 1) + ")";
            }
            out.add("Compilation error at line " + (line + lineInSnippet + 1) + ":");
            out.add(INDENT + text);
            out.add(INDENT + " ".repeat((int) pos - lineStart) + "^");
            message.lines().forEach(l -> out.add(l));
            out.add("");
        }
        if (snippet instanceof DeclarationSnippet declaration) {
            List<String> missing = shell.unresolvedDependencies(declaration).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                String msg = describe(snippet) + " needs " + String.join(", ", missing) + " (line " + (line + 1) + ")";
                out.add("Unresolved: " + msg);
                if (first == null) {
                    first = msg;
                }
            }
        }
        if (first == null) {
            first = "rejected (line " + (line + 1) + ")";
            out.add("Compilation error at line " + (line + 1) + ":");
            out.add(INDENT + JShellEvaluator.firstLineOf(source));
        }
        return new CellError("CompilationError", first, out);
    }

    /** @return the error of a snippet that threw, its frames as lines of cells */
    CellError runtimeError(JShellException exception, CellExecutionControl control, int line, String source) {
        if (exception instanceof EvalException eval && CellExecutionControl.INTERRUPTED.equals(eval.getExceptionClassName())) {
            List<String> out = new ArrayList<>(JShellEvaluator.interruptedError().traceback());
            out.addAll(CellThreadStop.describe(control.threadsLeftByInterruptedCell()));
            return new CellError("Interrupted", "cell interrupted", out);
        }
        if (control.lastFailure() instanceof CellError kernelError) {
            return kernelError; // the kernel's own error, from a magic that cell code ran: shown as the magic shows it
        }
        if (exception instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet snippet = unresolved.getSnippet();
            List<String> missing = shell.unresolvedDependencies(snippet).collect(Collectors.toList());
            String msg = snippet.name() + " cannot be used until " + String.join(", ", missing) + " is defined";
            return new CellError("UnresolvedReference", msg, List.of(msg));
        }
        String className = exception instanceof EvalException eval ? eval.getExceptionClassName()
                : exception.getClass().getName();
        String message = exception.getMessage();
        List<String> out = new ArrayList<>();
        out.add(message == null ? className : className + ": " + message);
        addFrames(out, exception.getStackTrace(), line, source);
        if (className.equals(OutOfMemoryError.class.getName())) {
            out.addAll(OutOfMemory.advice());
        }
        Throwable raw = control.lastFailure();
        for (Throwable cause = raw == null ? null : raw.getCause(); cause != null && cause != cause.getCause();
             cause = cause.getCause()) {
            out.add("Caused by: " + cause);
            addFrames(out, cause.getStackTrace(), line, source);
        }
        return new CellError(className, message == null ? "" : message, out);
    }

    /** Keeps user frames: library frames, and cell code mapped to cell lines; stops at the JShell wrapper. */
    private void addFrames(List<String> out, StackTraceElement[] frames, int line, String source) {
        int shown = 0;
        for (StackTraceElement frame : frames) {
            String cls = frame.getClassName();
            if (cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")
                    || cls.startsWith("org.pyport.kernel.exec.") || cls.startsWith("jdk.jshell.")) {
                break;
            }
            if (cls.startsWith("org.pyport.kernel.runtime.")) {
                continue; // the kernel's own helpers (e.g. the %timeit loop) are not the user's concern
            }
            String file = frame.getFileName();
            if (file != null && file.startsWith("#")) {
                Location loc = locations.get(file.substring(1));
                // JShell names the frame of the snippet's own statement with an empty method name
                boolean wrapper = frame.getMethodName().isEmpty() || frame.getMethodName().startsWith("do_it$");
                if (loc != null) {
                    int l = frame.getLineNumber();
                    String text = l > 0 ? nthLine(loc.source(), l - 1) : "";
                    String where = loc.cell() == cellNumber.getAsInt()
                            ? "line " + (loc.firstLine() + Math.max(l, 1)) + " of this cell"
                            : "line " + (loc.firstLine() + Math.max(l, 1)) + " of cell [" + loc.cell() + "]";
                    String what = wrapper ? "" : simpleMethod(frame) + ", ";
                    out.add(INDENT + "at " + what + where + ": " + text.strip());
                } else {
                    out.add(INDENT + "at " + simpleMethod(frame) + " (cell code)");
                }
                if (wrapper) {
                    break;
                }
            } else if (cls.startsWith("REPL.")) {
                out.add(INDENT + "at " + simpleMethod(frame) + " (cell code)");
            } else {
                out.add(INDENT + "at " + frame);
            }
            if (++shown >= 40) {
                out.add(INDENT + "...");
                break;
            }
        }
    }

    private static String simpleMethod(StackTraceElement frame) {
        String cls = frame.getClassName();
        int cut = cls.lastIndexOf('$');
        String simple = cls.startsWith("REPL.") && cut >= 0 ? cls.substring(cut + 1) : cls;
        String method = frame.getMethodName().startsWith("lambda$") ? "lambda" : frame.getMethodName();
        if (simple.matches("JShell\\d*") || simple.isEmpty()) {
            return method;
        }
        return simple + "." + method;
    }

    private static String nthLine(String text, int n) {
        List<String> lines = text.lines().collect(Collectors.toList());
        return n >= 0 && n < lines.size() ? lines.get(n) : "";
    }
}
