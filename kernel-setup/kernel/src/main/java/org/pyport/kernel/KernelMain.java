package org.pyport.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.pyport.kernel.net.PyportConnection;
import org.pyport.kernel.exec.KernelThreads;

import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The kernel process: {@code java org.pyport.kernel.KernelMain CONNECTION_FILE} serves Jupyter on the connection
 * file's sockets; {@code --warmup} is the installer's training run for the start-up cache ({@link TrainingRun}).
 */
public final class KernelMain {

    /** Characters of stdout (and of stderr) a cell shows; more is dropped with a note. */
    static final int OUTPUT_LIMIT = 1_000_000;

    /** How often the training run repeats its cells (richer method profiles for the JDK 25 AOT cache). */
    private static final int TRAINING_ROUNDS = 20;

    private KernelMain() {
    }

    /**
     * Starts the kernel for Jupyter.
     *
     * @param args the connection file written by Jupyter, or {@code --warmup}
     * @throws Exception if the connection file is unreadable or the sockets cannot be bound
     */
    public static void main(String[] args) throws Exception {
        CompilerDirectives.addInBackground();
        if (args.length != 1) {
            System.err.println("usage: java " + KernelMain.class.getName() + " CONNECTION_FILE | --warmup");
            System.exit(2);
        }
        if (args[0].equals("--warmup")) {
            TrainingRun.run(TRAINING_ROUNDS);
            // the cell threads of the run must not keep the JVM (which writes the cache at exit) alive
            System.exit(0);
        }
        PyportKernelBuilder builder = PyportKernel.builder();
        builder.startShell(); // JShell's start is the longest part of starting: before anything else
        serve(builder, KernelConnectionProperties.parse(Files.readString(Paths.get(args[0]))));
        // threads left by notebook code must not keep the process alive
        System.exit(0);
    }

    /**
     * Serves Jupyter on the connection's sockets until a shutdown request (or the connection closes).
     *
     * @param builder a builder (it started JShell when it was made)
     * @param props   the parsed connection file
     * @throws Exception if the sockets cannot be bound
     */
    static void serve(PyportKernelBuilder builder, KernelConnectionProperties props) throws Exception {
        PyportKernel kernel = builder.build();
        JupyterConnection connection = new PyportConnection(props);
        kernel.installCellOutput(OUTPUT_LIMIT);
        Thread hook = new Thread(kernel::cleanUp, KernelThreads.CLEANUP);
        Runtime.getRuntime().addShutdownHook(hook);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        connection.waitUntilClose();
        kernel.cleanUp();
        Runtime.getRuntime().removeShutdownHook(hook);
    }
}
