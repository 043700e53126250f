package org.pyport.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.pyport.kernel.exec.CellError;
import org.pyport.kernel.exec.JShellEvaluator;
import org.pyport.kernel.exec.KernelThreads;
import org.pyport.kernel.magic.MagicHost;
import org.pyport.kernel.magic.MagicRegistry;
import org.pyport.kernel.magic.PythonMagic;
import org.pyport.kernel.runtime.Notebook;
import org.pyport.kernel.runtime.OutputClearer;
import org.pyport.kernel.runtime.Vars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The Java kernel: Jupyter's requests on one side, JShell on the other. Cells are evaluated by JShell inside this
 * JVM ({@link CellRunner}); execute requests are handled by {@link ExecuteRequests}, inspection and completion by
 * {@link CodeAssist}; the process is started by {@link KernelMain}. Kernelspec name {@code java}.
 */
public class PyportKernel extends BaseKernel implements Notebook.Host, MagicHost, OutputClearer {

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

    private final Path cellClassDir;
    private final NotebookClasspath classpath;
    private final CompletableFuture<JShellEvaluator> evaluatorFuture;
    private final Queue<String> startupProblems;
    private final PythonMagic python;
    private final CellHistory history;
    private final CellRunner runner;
    private final ExecuteRequests requests;
    private final CodeAssist assist;
    private final Extensions extensions;
    private volatile boolean extensionsChecked;
    private volatile boolean interruptedWhileStarting;
    private volatile boolean cleaned;

    PyportKernel(String name, String version, LanguageInfo info, CellIO io, CommManager comm, Renderer renderer,
                 MagicRegistry magics, StringStyler styler, PythonMagic python, CellHistory history, ShellStart start) {
        super(name, version, info, List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                history, io, comm, renderer, new MagicParser("^\\s*%", "^\\s*%%", null), magics, false, styler);
        this.python = python;
        this.history = history;
        this.cellClassDir = start.cellClassDir;
        this.classpath = new NotebookClasspath(start.classpath);
        this.evaluatorFuture = start.evaluator;
        this.startupProblems = start.problems;
        this.runner = new CellRunner(this, magics);
        this.requests = new ExecuteRequests(this, io, comm, executionCount, history);
        this.assist = new CodeAssist(this::evaluator);
        this.extensions = new Extensions(this, start.loadExtensions);
        start.cellNumber = () -> executionCount.get() - 1;
        System.setProperty(CELL_CLASS_DIR_PROPERTY, cellClassDir.toString());
        KernelThreads.publish();
    }

    /** @return a builder with the kernel's magics registered */
    public static PyportKernelBuilder builder() {
        return new PyportKernelBuilder();
    }

    /** @return the folder under which {@code %maven} keeps resolved jars (removed at shutdown) */
    static Path mavenFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"), "pyport-maven-" + ProcessHandle.current().pid());
    }

    /**
     * Prepares the evaluator for a cell: waits for JShell's start, shows start-up problems once (in the first cell's
     * stderr), and fails the cell if it was interrupted while JShell was still starting.
     *
     * @return the evaluator
     */
    JShellEvaluator startCell() {
        JShellEvaluator evaluator = evaluator();
        evaluator.beginCell();
        String problem;
        while ((problem = startupProblems.poll()) != null) {
            System.err.println("Kernel start-up: " + problem);
        }
        if (!extensionsChecked) {
            extensionsChecked = true; // those of the environment's class path (*_CLASSPATH)
            extensions.installNew(evaluator.notebookClassLoader());
        }
        if (interruptedWhileStarting) {
            // the interrupt came while JShell was still starting: it was meant for this cell
            interruptedWhileStarting = false;
            throw JShellEvaluator.interruptedError();
        }
        return evaluator;
    }

    /** A cell has finished: JShell's class path indexing may go on while no cell runs. */
    void endCell() {
        if (evaluatorFuture.isDone() && !evaluatorFuture.isCompletedExceptionally()) {
            evaluator().endCell();
        }
    }

    /** @return true if the running cell was asked to stop */
    @Override
    public boolean interruptRequested() {
        return evaluatorFuture.isDone() && evaluator().interruptRequested();
    }

    /** @return the evaluator, waiting for JShell's start-up if needed */
    @Override
    public JShellEvaluator evaluator() {
        return evaluatorFuture.join();
    }

    /**
     * Adds jars or class folders to the class path of later cells and to {@code pyport.classpath} (see
     * {@link NotebookClasspath#add}); JJava extensions they hold are installed.
     *
     * @param entries absolute paths of jars or folders
     */
    @Override
    public void addToClasspath(List<String> entries) {
        if (classpath.add(entries, evaluator())) {
            extensions.installNew(evaluator().notebookClassLoader());
        }
    }

    /**
     * Defines (or redefines) {@code String name} in the notebook, holding {@code value}.
     *
     * @param name  a Java identifier
     * @param value the text
     */
    @Override
    public void defineString(String name, String value) {
        String key = Vars.put(value);
        evaluator().eval("String " + name + " = org.pyport.kernel.runtime.Vars.take(\"" + key + "\");", 0);
    }

    @Override
    public Object evalRaw(String code) {
        return runner.run(code);
    }

    @Override
    public Object evalNested(String code) {
        return runner.runNested(code);
    }

    @Override
    public BaseKernel jjavaKernel() {
        return this;
    }

    @Override
    public Object lineMagic(String name, String rawArgs, int line) {
        return runner.runMagic(name, rawArgs, line);
    }

    /** Shows data below the running cell; its display id, if the cell returns it, is not shown as its value. */
    @Override
    public void display(DisplayData data) {
        runner.displayed(data.getDisplayId());
        super.display(data);
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        requests.handle(env, message);
    }

    /** Gives the cell JJava's output streams (when {@link #installCellOutput} was not called: tests). */
    void useJJavaStreams(ShellReplyEnvironment env) {
        replaceOutputStreams(env);
    }

    /** {@code clearOutput()} in cell code (see {@link ExecuteRequests#clearOutput}). */
    @Override
    public void clearOutput(boolean wait) {
        requests.clearOutput(wait);
    }

    /** @param limit characters each cell shows per stream (see {@link ExecuteRequests#installCellOutput}) */
    void installCellOutput(int limit) {
        requests.installCellOutput(limit);
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
        env.reply(history.reply(message.getContent()));
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return assist.inspect(code, at);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return assist.complete(code, at);
    }

    @Override
    public String isComplete(String code) {
        return assist.isComplete(code);
    }

    @Override
    public void interrupt() {
        // flag first, so code about to start (a snippet, a python process) sees it
        if (evaluatorFuture.isDone()) {
            evaluator().stop();
        } else if (requests.executing()) {
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

    /** Stops python, closes JShell and deletes the kernel's temp folders; safe to call more than once. */
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
        deleteTree(mavenFolder());
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
}
