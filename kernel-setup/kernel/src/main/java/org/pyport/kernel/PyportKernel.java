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
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIOAccess;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.pyport.kernel.exec.CellError;
import org.pyport.kernel.exec.JShellEvaluator;
import org.pyport.kernel.magic.ClasspathMagic;
import org.pyport.kernel.magic.PythonMagic;
import org.pyport.kernel.runtime.Vars;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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

    PyportKernel(Builder b, String name, String version, LanguageInfo info, org.dflib.jjava.jupyter.kernel.JupyterIO io,
                 org.dflib.jjava.jupyter.kernel.comm.CommManager comm, org.dflib.jjava.jupyter.kernel.display.Renderer renderer,
                 org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magics,
                 org.dflib.jjava.jupyter.kernel.util.StringStyler styler, PythonMagic python) throws IOException {
        super(name, version, info, List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                null, io, comm, renderer, new MagicParser("^\\s*%", "^\\s*%%", null), magics, false, styler);
        this.python = python;
        this.cellClassDir = Files.createTempDirectory("pyport-cells");
        this.classpath = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classpath.add(Paths.get(entry).toAbsolutePath().toString());
            }
        }
        System.setProperty(CELL_CLASS_DIR_PROPERTY, cellClassDir.toString());
        publishClasspath();
        List<String> initial = new ArrayList<>(classpath);
        // JShell's start-up (compiler warm-up, imports) takes a while: overlap it with connecting.
        this.evaluatorFuture = CompletableFuture.supplyAsync(() ->
                new JShellEvaluator(initial, cellClassDir, this::currentCell, STARTUP));
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
            System.err.println("usage: java org.pyport.kernel.PyportKernel CONNECTION_FILE");
            System.exit(2);
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Paths.get(args[0])));
        JupyterConnection connection = new JupyterConnection(props);
        PyportKernel kernel = builder().build();
        Runtime.getRuntime().addShutdownHook(new Thread(kernel::cleanUp, "pyport-cleanup"));
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        connection.waitUntilClose();
        kernel.cleanUp();
        // threads left by notebook code must not keep the process alive
        System.exit(0);
    }

    private int currentCell() {
        return executionCount.get() - 1;
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
        CellParser.CellMagicCall call = CellParser.cellMagic(code);
        try {
            if (call != null) {
                return magicsRegistry.evalCellMagic(this, call.name(), call.args(), call.body());
            }
            Object value = null;
            for (CellParser.Part part : CellParser.parts(code)) {
                if (evaluator.interruptRequested()) {
                    throw JShellEvaluator.interruptedError();
                }
                value = part.isMagic()
                        ? magicsRegistry.evalLineMagic(this, part.magic(), part.args())
                        : evaluator.eval(part.code(), part.line());
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
     * Like {@code BaseKernel}'s, but failures are published with the cell's error name and a traceback made for
     * people (see {@link CellError}) rather than the kernel's own stack trace.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        JupyterIOAccess.attach(io, env, request.isStdinEnabled());
        env.defer(() -> JupyterIOAccess.detach(io, env));
        try {
            DisplayData out = eval(request.getCode());
            System.out.flush();
            System.err.flush();
            if (out != null && !request.isSilent()) {
                env.publish(new PublishExecuteResult(count, out));
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Exception e) {
            System.out.flush();
            System.err.flush();
            String name = e instanceof CellError error ? error.name() : e.getClass().getName();
            String value = e instanceof CellError ? String.valueOf(e.getMessage()) : String.valueOf(e.getLocalizedMessage());
            List<String> traceback = formatError(e);
            ErrorReply reply = new ErrorReply(name, value, traceback);
            reply.setExecutionCount(count);
            env.publish(new PublishError(name, value, traceback));
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
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
        List<SourceCodeAnalysis.Documentation> docs =
                evaluator().shell().sourceCodeAnalysis().documentation(code.substring(0, end), end, true);
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        String text = docs.stream()
                .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
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
        python.interrupt();
        if (evaluatorFuture.isDone()) {
            evaluator().stop();
        }
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

        Builder() {
            name("pyport");
            version(Builder.class.getPackage().getImplementationVersion() == null
                    ? "0.1.0" : Builder.class.getPackage().getImplementationVersion());
            cellMagic("python", python);
            lineMagic("classpath", new ClasspathMagic(false));
            lineMagic("jars", new ClasspathMagic(true));
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
            try {
                return new PyportKernel(this, buildName(), buildVersion(), info,
                        buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(),
                        buildMagicsRegistry(), buildErrorStyler(), python);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the kernel's temp folder", e);
            }
        }
    }
}
