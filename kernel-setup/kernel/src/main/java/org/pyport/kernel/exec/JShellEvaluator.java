package org.pyport.kernel.exec;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.pyport.kernel.runtime.DefaultImports;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.HashSet;
import java.io.File;

/**
 * Evaluates Java cells with a JShell whose snippets run in this JVM ({@link CellExecutionControl}).
 * Errors come back as {@link CellError} with line numbers relative to the cell.
 */
public final class JShellEvaluator implements AutoCloseable {

    private static final String INDENT = "    ";

    private final JShell shell;
    private final CellExecutionControlProvider provider;
    private final SourceCodeAnalysis analysis;
    private final IndexingPause indexing;
    private final CompiledSnippetClasses compiled;
    private final IntSupplier cellNumber;
    private final SnippetErrors errors;
    /** set by {@link #stop()}: an interrupt may arrive while a snippet compiles, between two snippets */
    private volatile boolean interruptRequested;
    /** the cell line where the snippet being compiled starts (for errors of the compiler itself) */
    private int compilingLine;

    /**
     * @param classpath  entries notebook code compiles against (their classes must also be visible to the
     *                   kernel's class loader, i.e. be on the JVM class path)
     * @param classDir   where the bytecode of cell-defined classes is written, null for nowhere
     * @param cellNumber supplies the number of the cell being executed (for error messages)
     * @param startup    snippets evaluated once at start (imports)
     */
    public JShellEvaluator(List<String> classpath, Path classDir, IntSupplier cellNumber, List<String> startup) {
        this(classpath, classDir, cellNumber, startup, List.of());
    }

    /**
     * @param classpath       entries notebook code compiles against (see the other constructor)
     * @param classDir        where the bytecode of cell-defined classes is written, null for nowhere
     * @param cellNumber      supplies the number of the cell being executed (for error messages)
     * @param startup         snippets evaluated once at start (imports)
     * @param compilerOptions extra options for the compiler of every cell (e.g. {@code -parameters})
     * @throws IllegalArgumentException if the compiler rejects one of {@code compilerOptions}
     */
    public JShellEvaluator(List<String> classpath, Path classDir, IntSupplier cellNumber, List<String> startup,
                           List<String> compilerOptions) {
        this(classpath, classDir, cellNumber, startup, compilerOptions, null);
    }

    /**
     * @param classpath       entries notebook code compiles against (see the first constructor)
     * @param classDir        where the bytecode of cell-defined classes is written, null for nowhere
     * @param cellNumber      supplies the number of the cell being executed (for error messages)
     * @param startup         snippets evaluated once at start (imports)
     * @param compilerOptions extra options for the compiler of every cell (e.g. {@code -parameters})
     * @param jvmClasses      a folder holding the class files of every jar on the JVM's class path, which the
     *                        compiler then reads in their stead (faster to start: see {@link ClassFolderFileManager});
     *                        null to compile against the jars
     * @throws IllegalArgumentException if the compiler rejects one of {@code compilerOptions}
     */
    public JShellEvaluator(List<String> classpath, Path classDir, IntSupplier cellNumber, List<String> startup,
                           List<String> compilerOptions, Path jvmClasses) {
        this.provider = new CellExecutionControlProvider(classDir);
        this.cellNumber = cellNumber;
        List<String> options = new ArrayList<>(List.of("-Xlint:none", "-proc:none"));
        options.addAll(compilerOptions);
        JShell.Builder builder = JShell.builder();
        Set<Path> jars = new HashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                jars.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        Path folder = jvmClasses == null ? null : jvmClasses.toAbsolutePath().normalize();
        builder.fileManager(standard -> new ClassFolderFileManager(standard, folder, jars));
        this.shell = builder
                .executionEngine(provider, Map.of())
                .out(new PrintStream(System.out, true))
                .err(new PrintStream(System.err, true))
                .compilerOptions(options.toArray(String[]::new))
                .build();
        if (!classpath.isEmpty()) {
            // one call: JShell re-reads its whole class path at each call (dozens of jars took a tenth of a second)
            shell.addToClasspath(String.join(File.pathSeparator, classpath));
        }
        // after the class path: source analysis starts indexing it in the background
        this.analysis = shell.sourceCodeAnalysis();
        this.errors = new SnippetErrors(shell, cellNumber);
        // paused while the start-up snippets run, then until the kernel is idle (see IndexingPause)
        this.indexing = IndexingPause.of(analysis);
        this.compiled = CompiledSnippetClasses.of(shell);
        indexing.pause();
        try {
            List<String> rest = startup;
            if (importsAtOnce(startup)) {
                rest = List.of();
            }
            for (String snippet : rest) {
                eval(snippet, 0);
            }
            indexing.resumeWhenIdle();
        } catch (RuntimeException e) {
            // e.g. a compiler option javac rejects, which surfaces at the first snippet: leave nothing running
            shell.close();
            throw e;
        }
    }

    /**
     * Evaluates start-up imports as one snippet: JShell keeps a run of imports given together as one import snippet
     * and puts its whole source into every later compilation unit, so all of them apply, for one javac run instead
     * of one each (about 20 ms each while javac is still cold: 0.2 s of the kernel's start for the ten default
     * imports). JShell keys that snippet by its first import and would replace it, with every import in it, when a
     * cell imports the same again; so the run starts with {@link DefaultImports}, which no cell imports. The API asks
     * for one snippet per call, so this is checked: if the run is not accepted (DefaultImports not on the class path,
     * an import that does not resolve...), nothing is kept and the caller evaluates the imports one by one.
     *
     * @return true if every snippet in {@code startup} is an import and they were all accepted together
     */
    private boolean importsAtOnce(List<String> startup) {
        if (startup.size() < 2 || !startup.stream().allMatch(s -> s.strip().startsWith("import ") && s.strip().endsWith(";"))) {
            return false;
        }
        String key = "import static " + DefaultImports.class.getName() + ".*;";
        List<SnippetEvent> events = shell.eval(key + " " + String.join(" ", startup));
        boolean accepted = events.size() == 1 && events.get(0).status() == Snippet.Status.VALID
                && events.get(0).snippet().kind() == Snippet.Kind.IMPORT && events.get(0).exception() == null;
        if (!accepted) {
            for (SnippetEvent e : events) {
                if (e.status().isActive()) {
                    shell.drop(e.snippet());
                }
            }
        }
        return accepted;
    }

    /** @return the class loader of notebook code, or null before JShell made its execution engine */
    public ClassLoader notebookClassLoader() {
        CellExecutionControl control = provider.control();
        return control == null ? null : control.notebookClassLoader();
    }

    /** @return the underlying shell (completion, documentation) */
    public JShell shell() {
        return shell;
    }

    /**
     * Adds a class path entry for both compilation and execution of later cells.
     *
     * @param entry a jar or a folder of classes
     */
    public void addToClasspath(String entry) {
        shell.addToClasspath(entry);
    }

    /**
     * Evaluates all statements and declarations of {@code code} in order.
     *
     * @param code      Java source, possibly several snippets
     * @param firstLine 0-based line of the cell where {@code code} starts (for error positions)
     * @return the value of the last snippet if it is an expression or variable declaration, else null
     * @throws CellError on a compilation error, an exception or an interrupt (later snippets are not run)
     */
    public Object eval(String code, int firstLine) {
        compilingLine = firstLine;
        try {
            return evalSnippets(code, firstLine);
        } catch (KernelThreadStop | StackOverflowError | InternalError | AssertionError | ThreadDeath e) {
            if (interruptRequested) {
                Thread.interrupted(); // a stop also sets the interrupt flag, which would fail the reply's socket I/O
                throw interruptedError(); // the compilation was stopped (ThreadStopper), JShell wraps that
            }
            throw CompilerFailure.of(e, compilingLine); // javac or JShell's analysis failed (cell code runs elsewhere)
        }
    }

    private Object evalSnippets(String code, int firstLine) {
        List<StatementBatches.Snippet> snippets = new ArrayList<>();
        CellError incomplete = null;
        String remaining = code;
        int offset = 0;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = nextSnippet(remaining);
            SourceCodeAnalysis.Completeness completeness = info.completeness();
            if (completeness == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!completeness.isComplete()) {
                int line = firstLine + countLines(code, offset)
                        + countLines(remaining, remaining.length() - remaining.stripLeading().length());
                String rest = info.remaining().isEmpty() ? remaining : info.remaining();
                incomplete = new CellError("CompilationError", "incomplete code at line " + (line + 1),
                        List.of("Incomplete code at line " + (line + 1) + " (missing ';', '}' or ')'?):",
                                INDENT + firstLineOf(rest.strip())));
                break;
            }
            // JShell maps stack frames to lines of the snippet without its leading blank lines: strip them here
            String source = info.source();
            String stripped = source.stripLeading();
            int line = firstLine + countLines(code, offset) + countLines(source, source.length() - stripped.length());
            snippets.add(new StatementBatches.Snippet(stripped, line));
            offset += remaining.length() - info.remaining().length();
            remaining = info.remaining();
        }
        Object value = null;
        List<Pending> pending = new ArrayList<>();
        for (StatementBatches.Unit unit : StatementBatches.group(snippets)) {
            if (interruptRequested) {
                throw interruptedError();
            }
            if (!unit.isGroup()) {
                value = evalSnippet(unit.source(), unit.line(), pending);
                continue;
            }
            try {
                value = evalSnippet(unit.source(), unit.line(), pending);
            } catch (CellError e) {
                if (!"CompilationError".equals(e.name())) {
                    throw e;
                }
                // nothing of the group ran: one statement at a time, for the same errors as without grouping
                for (StatementBatches.Snippet s : unit.statements()) {
                    if (interruptRequested) {
                        throw interruptedError();
                    }
                    value = evalSnippet(s.source(), s.line(), pending);
                }
            }
        }
        checkResolved(pending);
        if (incomplete != null) {
            throw incomplete;
        }
        return value;
    }

    /** JShell's completion info with the rest of the text after a window (see {@link #nextSnippet}). */
    private record Next(SourceCodeAnalysis.Completeness completeness, String source, String remaining)
            implements SourceCodeAnalysis.CompletionInfo {
    }

    /**
     * The first snippet of {@code code}, as {@code analyzeCompletion(code)} finds it, but looking at a window of the
     * code's first lines: JShell's analysis reads all the text it is given, so a cell of n snippets cost n times its
     * length (seconds for 1,000 lines). A snippet followed by more code within the window ends where it would in the
     * whole text; otherwise the window grows, up to all of the code.
     */
    private SourceCodeAnalysis.CompletionInfo nextSnippet(String code) {
        for (int lines = 8; ; lines *= 4) {
            int cut = 0;
            for (int n = 0; n < lines && cut >= 0; n++) {
                cut = code.indexOf('\n', cut == 0 && n == 0 ? 0 : cut + 1);
            }
            if (cut < 0 || cut + 1 >= code.length()) {
                return analysis.analyzeCompletion(code);
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code.substring(0, cut + 1));
            if (info.completeness().isComplete() && !info.remaining().isBlank()) {
                return new Next(info.completeness(), info.source(), info.remaining() + code.substring(cut + 1));
            }
        }
    }

    /** A declaration that referred to something not (yet) declared, and the cell line it starts on. */
    private record Pending(DeclarationSnippet snippet, int line) {
    }

    /**
     * Declarations of one cell may refer to each other ({@code class A { B b; } class B { A a; }}): JShell defines the
     * first once the second exists. What still refers to something undeclared when the cell's code is done fails (a
     * class that cannot be defined) or is warned about (a method that cannot be called yet).
     */
    private void checkResolved(List<Pending> pending) {
        for (Pending p : pending) {
            Snippet.Status status = shell.status(p.snippet());
            if (status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                throw errors.compileError(p.snippet(), p.line());
            }
            if (status == Snippet.Status.RECOVERABLE_DEFINED) {
                errors.warnUnresolved(p.snippet());
            }
        }
    }

    private Object evalSnippet(String source, int line, List<Pending> pending) {
        compilingLine = line;
        CellExecutionControl control = provider.control();
        Set<String> classesBefore = compiled.names();
        List<SnippetEvent> events = shell.eval(source);
        Object value = null;
        CellError error = null;
        Snippet temporary = null;
        boolean nameable = false;
        try {
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    nameable = true; // a dependent declaration was compiled again: keep its new class
                    continue; // a dependent snippet was updated; not what this cell asked for
                }
                Snippet snippet = event.snippet();
                nameable |= !isTransient(snippet);
                errors.locate(snippet, line, source);
                JShellException exception = event.exception();
                if (exception != null) {
                    error = errors.runtimeError(exception, control, line, source);
                } else if ((event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED
                        || event.status() == Snippet.Status.RECOVERABLE_DEFINED)
                        && snippet instanceof DeclarationSnippet declaration) {
                    pending.add(new Pending(declaration, line)); // may be resolved by a later declaration of the cell
                } else if (event.status() == Snippet.Status.REJECTED
                        || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    error = errors.compileError(snippet, line);
                }
                if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && event.status().isActive()) {
                    temporary = snippet;
                }
                if (exception == null && event.value() != null && snippet.subKind().isExecutable()) {
                    Object v = control.takeResult(event.value());
                    value = switch (snippet.subKind()) {
                        case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> v;
                        default -> null;
                    };
                }
            }
        } finally {
            control.clearResults();
        }
        if (temporary != null) {
            // JShell keeps an expression's value as a variable ($1, $2, ... which a notebook never sees) and
            // imports every such variable into each later snippet's compilation unit: compiling got slower with
            // every expression cell (about twice as slow after a few hundred). The value is taken already.
            for (SnippetEvent event : shell.drop(temporary)) {
                nameable |= event.causeSnippet() != null;
            }
        }
        if (!nameable) {
            // no later cell can name this snippet's classes: JShell would list them in every later compilation
            compiled.forgetAllBut(classesBefore);
        }
        if (error != null) {
            throw error;
        }
        return value;
    }

    /**
     * @return true if no later snippet can refer to this one's classes: an expression, a statement, or the variable
     * JShell makes for an expression's value (which {@link #evalSnippet} drops)
     */
    private static boolean isTransient(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION || snippet.kind() == Snippet.Kind.STATEMENT
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    /** @return the class files JShell keeps for compiled snippets (tests look at their count) */
    CompiledSnippetClasses compiledSnippetClasses() {
        return compiled;
    }

    /** @return true while cell code is executing */
    public boolean isRunning() {
        CellExecutionControl control = provider.control();
        return control != null && control.isRunning();
    }

    /**
     * Interrupts the running cell, if any (called from another thread).
     */
    public void stop() {
        interruptRequested = true;
        CellExecutionControl control = provider.control();
        if (control != null) {
            // first: if the snippet is still being compiled, it must not start running afterwards
            control.stopBeforeStart();
            if (control.isRunning()) {
                shell.stop();
            }
        }
    }

    /** Forgets an interrupt that arrived after the previous cell finished; call when a cell starts. */
    public void beginCell() {
        indexing.pause();
        interruptRequested = false;
        CellExecutionControl control = provider.control();
        if (control != null) {
            control.clearStopBeforeStart();
        }
    }

    /** Call when a cell has finished: JShell's class path indexer may use the time until the next one. */
    public void endCell() {
        indexing.resumeWhenIdle();
    }

    /** @return true if JShell's class path indexer can be kept off the CPU while cells run (see {@link #endCell}) */
    public boolean pausesIndexing() {
        return indexing.works();
    }

    /** @return true if {@link #stop()} was called since {@link #beginCell()} */
    public boolean interruptRequested() {
        return interruptRequested;
    }

    /** @return the error reported for an interrupted cell */
    public static CellError interruptedError() {
        return new CellError("Interrupted", "cell interrupted", List.of("Interrupted (cell stopped at your request)."));
    }

    /**
     * Tells whether {@code code} is ready to run.
     *
     * @return "complete", "incomplete" or "invalid"
     */
    public String isComplete(String code) {
        String remaining = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return "complete";
                case UNKNOWN:
                    return "invalid";
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "incomplete";
                default:
                    if (info.remaining().isBlank()) {
                        return "complete";
                    }
                    remaining = info.remaining();
            }
        }
    }

    @Override
    public void close() {
        indexing.close();
        shell.close();
    }

    static int countLines(String text, int end) {
        int n = 0;
        for (int i = 0; i < end && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    static String firstLineOf(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

}
