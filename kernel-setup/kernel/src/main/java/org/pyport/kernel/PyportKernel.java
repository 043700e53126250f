package org.pyport.kernel;

import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIOAccess;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.pyport.kernel.exec.CellError;
import org.pyport.kernel.exec.JShellEvaluator;
import org.pyport.kernel.magic.ClasspathMagic;
import org.pyport.kernel.magic.MavenMagic;
import org.pyport.kernel.magic.PythonMagic;
import org.pyport.kernel.magic.TimeMagics;
import org.pyport.kernel.net.PyportConnection;
import org.pyport.kernel.runtime.Vars;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Java kernel: cells are evaluated by JShell inside this JVM, so notebook code sees the kernel's class path
 * (the helper library and its dependencies). Kernelspec name {@code java}.
 */
public class PyportKernel extends BaseKernel {

    /** System property: folder receiving the bytecode of classes defined in cells (for child JVMs). */
    public static final String CELL_CLASS_DIR_PROPERTY = "pyport.cellClassDir";
    /** System property: the class path notebook code compiles against. */
    public static final String CLASSPATH_PROPERTY = "pyport.classpath";
    /**
     * System property: a folder holding the class files of the kernel's jars (the JVM's class path), which JShell then
     * compiles against in their stead (the installer makes it; see {@code exec.ClassFolderFileManager}). Cells still run
     * from the jars, and {@link #CLASSPATH_PROPERTY} still names them. Without the folder, JShell compiles against the
     * jars.
     */
    public static final String COMPILE_CLASSES_PROPERTY = "pyport.compileClasses";

    /** Characters of stdout (and of stderr) a cell shows; more is dropped with a note. */
    static final int OUTPUT_LIMIT = 1_000_000;

    /** Imports every notebook starts with. */
    static final List<String> STARTUP = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;",
            "import static org.pyport.kernel.runtime.Display.*;");

    private final Path cellClassDir;
    private final Set<String> classpath;
    private final CompletableFuture<JShellEvaluator> evaluatorFuture;
    private final PythonMagic python;
    private final CellHistory history;
    private volatile boolean executing;
    private volatile boolean interruptedWhileStarting;
    private final java.util.Queue<String> startupProblems;
    private CellOutput stdout;
    private CellOutput stderr;

    PyportKernel(Builder b, String name, String version, LanguageInfo info, org.dflib.jjava.jupyter.kernel.JupyterIO io,
                 org.dflib.jjava.jupyter.kernel.comm.CommManager comm, org.dflib.jjava.jupyter.kernel.display.Renderer renderer,
                 org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magics,
                 org.dflib.jjava.jupyter.kernel.util.StringStyler styler, PythonMagic python, CellHistory history,
                 ShellStart start) {
        super(name, version, info, List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                history, io, comm, renderer, new MagicParser("^\\s*%", "^\\s*%%", null), magics, false, styler);
        this.python = python;
        this.history = history;
        this.cellClassDir = start.cellClassDir;
        this.classpath = new LinkedHashSet<>(start.classpath);
        this.evaluatorFuture = start.evaluator;
        this.startupProblems = start.problems;
        start.cellNumber = this::currentCell;
        System.setProperty(CELL_CLASS_DIR_PROPERTY, cellClassDir.toString());
        publishClasspath();
    }

    /** Shows, once, in the first cell's stderr, what the environment asked for and could not be done. */
    private void reportStartupProblems() {
        String problem;
        while ((problem = startupProblems.poll()) != null) {
            System.err.println("Kernel start-up: " + problem);
        }
    }

    /**
     * JShell starting on a thread of its own. Its start-up (the compiler's first compilations, the default imports)
     * is the longest part of a kernel's start, so it begins before anything else is built, and overlaps building
     * the kernel, binding the sockets and answering kernel_info. The environment's settings (class path, compiler
     * options, start-up scripts) apply here; what fails among them is kept in {@link #problems}, never fatal.
     */
    static final class ShellStart {
        final Path cellClassDir;
        final List<String> classpath = new ArrayList<>();
        final CompletableFuture<JShellEvaluator> evaluator;
        final java.util.Queue<String> problems = new java.util.concurrent.ConcurrentLinkedQueue<>();
        /** the kernel's cell counter, once the kernel exists (errors in start-up snippets say cell 0) */
        volatile java.util.function.IntSupplier cellNumber = () -> 0;

        ShellStart(KernelSettings settings) {
            try {
                cellClassDir = Files.createTempDirectory("pyport-cells");
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the kernel's temp folder", e);
            }
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    String absolute = Paths.get(entry).toAbsolutePath().toString();
                    if (!classpath.contains(absolute)) {
                        classpath.add(absolute);
                    }
                }
            }
            for (String entry : settings.classpath()) {
                if (!classpath.contains(entry)) {
                    classpath.add(entry);
                }
            }
            problems.addAll(settings.problems());
            List<String> initial = List.copyOf(classpath);
            evaluator = new CompletableFuture<>();
            Thread starter = new Thread(() -> {
                try {
                    evaluator.complete(start(initial, settings));
                } catch (Throwable e) {
                    evaluator.completeExceptionally(e);
                }
            }, "pyport-jshell-start");
            starter.setDaemon(true);
            starter.start();
        }

        /** @return the {@link #COMPILE_CLASSES_PROPERTY} folder if it exists, else null (compile against the jars) */
        static Path jvmClasses() {
            String folder = System.getProperty(COMPILE_CLASSES_PROPERTY);
            return folder != null && Files.isDirectory(Paths.get(folder)) ? Paths.get(folder) : null;
        }

        private JShellEvaluator start(List<String> initial, KernelSettings settings) {
            java.util.function.IntSupplier cell = () -> cellNumber.getAsInt();
            JShellEvaluator shell;
            try {
                shell = new JShellEvaluator(initial, cellClassDir, cell, STARTUP, settings.compilerOptions(), jvmClasses());
            } catch (IllegalArgumentException e) {
                problems.add("compiler options " + settings.compilerOptions() + " ignored: " + e.getMessage());
                shell = new JShellEvaluator(initial, cellClassDir, cell, STARTUP, List.of(), jvmClasses());
            }
            for (KernelSettings.Script script : settings.startupScripts()) {
                try {
                    shell.eval(script.code(), 0);
                } catch (CellError e) {
                    problems.add("start-up script " + script.origin() + " failed: " + String.join("\n", e.traceback()));
                }
            }
            return shell;
        }
    }

    /** @return a builder with the kernel's magics registered */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the kernel for Jupyter.
     *
     * @param args the connection file written by Jupyter
     * @throws Exception if the connection file is unreadable or the sockets cannot be bound
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java org.pyport.kernel.PyportKernel CONNECTION_FILE | --warmup");
            System.exit(2);
        }
        if (args[0].equals("--warmup")) {
            TrainingRun.run(TRAINING_ROUNDS);
            // the cell threads of the run must not keep the JVM (which writes the cache at exit) alive
            System.exit(0);
        }
        Builder builder = builder();
        builder.startShell(); // JShell's start is the longest part of starting: before anything else
        serve(builder, KernelConnectionProperties.parse(Files.readString(Paths.get(args[0]))));
        // threads left by notebook code must not keep the process alive
        System.exit(0);
    }

    /** How often the training run repeats its cells (richer method profiles for the JDK 25 AOT cache). */
    private static final int TRAINING_ROUNDS = 20;

    /**
     * Serves Jupyter on the connection's sockets until a shutdown request (or the connection closes).
     *
     * @param builder a builder (it started JShell when it was made)
     * @param props   the parsed connection file
     * @throws Exception if the sockets cannot be bound
     */
    static void serve(Builder builder, KernelConnectionProperties props) throws Exception {
        PyportKernel kernel = builder.build();
        JupyterConnection connection = new PyportConnection(props);
        kernel.installCellOutput(OUTPUT_LIMIT);
        Thread hook = new Thread(kernel::cleanUp, "pyport-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        connection.waitUntilClose();
        kernel.cleanUp();
        Runtime.getRuntime().removeShutdownHook(hook);
    }

    private int currentCell() {
        return executionCount.get() - 1;
    }

    /** @return true if the running cell was asked to stop */
    public boolean interruptRequested() {
        return evaluatorFuture.isDone() && evaluator().interruptRequested();
    }

    /** @return the evaluator, waiting for JShell's start-up if needed */
    public JShellEvaluator evaluator() {
        return evaluatorFuture.join();
    }

    /**
     * Adds a jar or class folder to the class path of later cells and to {@code pyport.classpath}.
     *
     * @param entry absolute path of a jar or folder
     */
    public void addToClasspath(String entry) {
        if (classpath.add(entry)) {
            evaluator().addToClasspath(entry);
            publishClasspath();
        }
    }

    private void publishClasspath() {
        System.setProperty(CLASSPATH_PROPERTY, String.join(File.pathSeparator, classpath));
    }

    /**
     * Defines (or redefines) {@code String name} in the notebook, holding {@code value}.
     *
     * @param name  a Java identifier
     * @param value the text
     */
    public void defineString(String name, String value) {
        String key = Vars.put(value);
        evaluator().eval("String " + name + " = org.pyport.kernel.runtime.Vars.take(\"" + key + "\");", 0);
    }

    @Override
    public Object evalRaw(String code) {
        JShellEvaluator evaluator = evaluator();
        evaluator.beginCell();
        reportStartupProblems();
        if (interruptedWhileStarting) {
            // the interrupt came while JShell was still starting: it was meant for this cell
            interruptedWhileStarting = false;
            throw JShellEvaluator.interruptedError();
        }
        CellParser.CellMagicCall call = CellParser.cellMagic(code);
        try {
            if (call != null) {
                // the timing magics take Java code, which shell-style argument splitting would mangle
                switch (call.name()) {
                    case "time":
                        return quietIfSemicolon(call.body(), TimeMagics.time(evaluator, call.body(), call.bodyLine()));
                    case "timeit":
                        TimeMagics.timeit(evaluator, call.rawArgs(), call.body(), call.bodyLine());
                        return null;
                    default:
                        return magicsRegistry.evalCellMagic(this, call.name(), call.args(), call.body());
                }
            }
            Object value = null;
            for (CellParser.Part part : CellParser.parts(code)) {
                if (evaluator.interruptRequested()) {
                    throw JShellEvaluator.interruptedError();
                }
                if (!part.isMagic()) {
                    value = quietIfSemicolon(part.code(), evaluator.eval(part.code(), part.line()));
                } else if (part.magic().equals("time")) {
                    value = quietIfSemicolon(part.rawArgs(), TimeMagics.time(evaluator, part.rawArgs(), part.line()));
                } else if (part.magic().equals("timeit")) {
                    TimeMagics.timeit(evaluator, part.rawArgs(), null, part.line());
                    value = null;
                } else {
                    value = magicsRegistry.evalLineMagic(this, part.magic(), part.args());
                }
            }
            return value;
        } catch (CellError e) {
            throw e;
        } catch (org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException e) {
            throw new CellError("UndefinedMagic", e.getMessage(), List.of(e.getMessage(),
                    "Line magics: " + magicsRegistry.getLineMagicNames() + ", cell magics: " + magicsRegistry.getCellMagicNames()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CellError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), List.of(e.toString()));
        }
    }

    /**
     * IPython's rule: code ending with {@code ;} (trailing whitespace and comments aside) ran for its effects, so
     * its value is not shown. This is what keeps e.g. {@code Show.html(...);} from showing its display id.
     */
    private static Object quietIfSemicolon(String java, Object value) {
        return value != null && CellParser.endsWithSemicolon(java) ? null : value;
    }

    /**
     * Like {@code BaseKernel}'s, but failures are published with the cell's error name and a traceback made for
     * people (see {@link CellError}) rather than the kernel's own stack trace.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        // as in the message spec (and IPython): only requests that store history advance the counter
        int count = request.shouldStoreHistory() ? executionCount.getAndIncrement() : executionCount.get();
        if (request.shouldStoreHistory()) {
            history.add(count, request.getCode());
        }
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        if (stdout == null) {
            replaceOutputStreams(env);
        } else {
            stdout.beginCell(env);
            stderr.beginCell(env);
        }
        JupyterIOAccess.attach(io, env, request.isStdinEnabled());
        env.defer(() -> JupyterIOAccess.detach(io, env));
        executing = true;
        try {
            DisplayData out = eval(request.getCode());
            flushOutput();
            if (out != null && !request.isSilent()) {
                env.publish(new PublishExecuteResult(count, out));
            }
            if (out != null && request.shouldStoreHistory()) {
                Object text = out.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
                history.setOutput(count, text == null ? "" : text.toString());
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Exception e) {
            flushOutput();
            String name = e instanceof CellError error ? error.name() : e.getClass().getName();
            String value = e instanceof CellError ? String.valueOf(e.getMessage()) : String.valueOf(e.getLocalizedMessage());
            List<String> traceback = formatError(e);
            ErrorReply reply = new ErrorReply(name, value, traceback);
            reply.setExecutionCount(count);
            env.publish(new PublishError(name, value, traceback));
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } finally {
            executing = false;
            if (evaluatorFuture.isDone() && !evaluatorFuture.isCompletedExceptionally()) {
                evaluator().endCell(); // JShell's class path indexing may go on while no cell runs
            }
        }
    }

    private void flushOutput() {
        System.out.flush();
        System.err.flush();
        if (stdout != null) {
            stdout.endCell();
            stderr.endCell();
        }
    }

    /**
     * Replaces System.out and System.err for good (see {@link CellOutput}); without this call each cell gets
     * JJava's streams, which drop what background threads print after the cell ended.
     *
     * @param limit characters each cell shows per stream
     */
    void installCellOutput(int limit) {
        stdout = new CellOutput(false, System.out, limit);
        stderr = new CellOutput(true, System.err, limit);
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.KernelInfo(Header.PROTOCOL_VERISON, getName(), getVersion(), getLanguageInfo(),
                getBanner(), getHelpLinks()));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        if (request instanceof HistoryRequest.Tail tail) {
            entries = history.lookupTail(tail.getMaxReturnLength(), flags);
        } else if (request instanceof HistoryRequest.Range range) {
            entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        } else if (request instanceof HistoryRequest.Search search) {
            if (search.filterUnique()) {
                flags.add(HistoryManager.ResultFlag.UNIQUE);
            }
            entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        } else {
            entries = List.of();
        }
        env.reply(new Replies.History(entries, request.includeOutput()));
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int paren = end;
        while (paren < code.length() && Character.isWhitespace(code.charAt(paren))) {
            paren++;
        }
        if (paren < code.length() && code.charAt(paren) == '(') {
            end = paren + 1;
        }
        SourceCodeAnalysis analysis = evaluator().shell().sourceCodeAnalysis();
        String head = code.substring(0, end);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(head, end, true);
        if ((docs == null || docs.isEmpty()) && !head.endsWith("(")) {
            // a method name without its parenthesis: document its overloads
            docs = analysis.documentation(head + "(", end + 1, true);
        }
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        String text = docs.stream()
                .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + JavadocText.plain(d.javadoc()))
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                evaluator().shell().sourceCodeAnalysis().completionSuggestions(code, at, anchor);
        if (suggestions == null || suggestions.isEmpty()) {
            return null;
        }
        List<String> options = suggestions.stream()
                .sorted(Comparator.comparing((SourceCodeAnalysis.Suggestion s) -> !s.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        if (CellParser.cellMagic(code) != null) {
            return IS_COMPLETE_YES;
        }
        String java = CellParser.parts(code).stream().filter(p -> !p.isMagic()).map(CellParser.Part::code)
                .collect(Collectors.joining());
        String status = evaluator().isComplete(java);
        return "incomplete".equals(status) ? "" : status;
    }

    @Override
    public void interrupt() {
        // flag first, so code about to start (a snippet, a python process) sees it
        if (evaluatorFuture.isDone()) {
            evaluator().stop();
        } else if (executing) {
            interruptedWhileStarting = true;
        }
        python.interrupt();
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellError error) {
            List<String> lines = new ArrayList<>();
            List<String> tb = error.traceback();
            for (int i = 0; i < tb.size(); i++) {
                // first line in bold red, like other kernels' error headers
                lines.add(i == 0 ? "\u001b[1;31m" + tb.get(i) + "\u001b[0m" : tb.get(i));
            }
            return lines;
        }
        return super.formatError(e);
    }

    @Override
    public String getBanner() {
        return "pyport Java kernel (JShell, Java " + Runtime.version() + ")";
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        cleanUp();
    }

    private volatile boolean cleaned;

    /** Stops python, closes JShell and deletes the cell class folder; safe to call more than once. */
    void cleanUp() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        python.interrupt();
        if (evaluatorFuture.isDone() && !evaluatorFuture.isCompletedExceptionally()) {
            try {
                evaluator().close();
            } catch (RuntimeException ignored) {
                // closing is best effort at shutdown
            }
        }
        deleteTree(cellClassDir);
        deleteTree(Path.of(System.getProperty("java.io.tmpdir"), "pyport-maven-" + ProcessHandle.current().pid()));
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp folder
        }
    }

    /** Builds the kernel with its magics. */
    public static final class Builder extends BaseKernelBuilder<Builder, PyportKernel> {

        private final PythonMagic python = new PythonMagic();
        private KernelSettings settings;
        private ShellStart start;

        /**
         * @param settings class path, compiler options and start-up scripts; by default read from the environment
         *                 ({@link KernelSettings#fromEnvironment})
         * @return this
         * @throws IllegalStateException if JShell already started (see {@link #startShell()})
         */
        public Builder settings(KernelSettings settings) {
            if (start != null) {
                throw new IllegalStateException("JShell already started: give the settings before startShell()/build()");
            }
            this.settings = java.util.Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Starts JShell now (once), so it overlaps whatever happens before {@link #build()}. */
        ShellStart startShell() {
            if (start == null) {
                start = new ShellStart(settings != null ? settings : KernelSettings.fromEnvironment(System.getenv()));
            }
            return start;
        }

        Builder() {
            name("pyport");
            version(Builder.class.getPackage().getImplementationVersion() == null
                    ? "0.1.0" : Builder.class.getPackage().getImplementationVersion());
            cellMagic("python", python);
            lineMagic("classpath", new ClasspathMagic(false));
            lineMagic("jars", new ClasspathMagic(true));
            // resolved jars live in the cell class folder's sibling, removed at shutdown with the kernel's temp files
            lineMagic("maven", new MavenMagic(Path.of(System.getProperty("java.io.tmpdir"),
                    "pyport-maven-" + ProcessHandle.current().pid())));
            // handled by the kernel itself (they take raw Java code); registered so they are listed
            lineMagic("time", (LineMagic<Object, PyportKernel>) (kernel, args) ->
                    TimeMagics.time(kernel.evaluator(), String.join(" ", args), 0));
            lineMagic("timeit", (LineMagic<Object, PyportKernel>) (kernel, args) -> {
                TimeMagics.timeit(kernel.evaluator(), String.join(" ", args), null, 0);
                return null;
            });
            cellMagic("time", (CellMagic<Object, PyportKernel>) (kernel, args, body) ->
                    TimeMagics.time(kernel.evaluator(), body, 1));
            cellMagic("timeit", (CellMagic<Object, PyportKernel>) (kernel, args, body) -> {
                TimeMagics.timeit(kernel.evaluator(), String.join(" ", args), body, 1);
                return null;
            });
        }

        @Override
        public PyportKernel build() {
            LanguageInfo info = new LanguageInfo.Builder("java")
                    .version(Runtime.version().toString())
                    .mimetype("text/x-java-source")
                    .fileExtension(".jshell")
                    .pygments("java")
                    .codemirror("text/x-java")
                    .build();
            return new PyportKernel(this, buildName(), buildVersion(), info,
                    buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(),
                    buildMagicsRegistry(), buildErrorStyler(), python, new CellHistory(), startShell());
        }
    }
}
