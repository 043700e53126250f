package org.pyport.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.pyport.kernel.exec.CellError;
import org.pyport.kernel.exec.JShellEvaluator;
import org.pyport.kernel.exec.KernelThreadStop;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Handles execute requests like JJava's {@code BaseKernel}, except that failures are published with the cell's error
 * name and a traceback made for people (see {@link CellError}) rather than the kernel's own stack trace, and that
 * output goes through {@link CellOutput} once {@link #installCellOutput} was called.
 */
final class ExecuteRequests {

    private final PyportKernel kernel;
    private final CellIO io;
    private final CommManager comm;
    private final AtomicInteger executionCount;
    private final CellHistory history;
    private CellOutput stdout;
    private CellOutput stderr;
    private volatile boolean executing;

    ExecuteRequests(PyportKernel kernel, CellIO io, CommManager comm, AtomicInteger executionCount, CellHistory history) {
        this.kernel = kernel;
        this.io = io;
        this.comm = comm;
        this.executionCount = executionCount;
        this.history = history;
    }

    /** @return true while a cell runs */
    boolean executing() {
        return executing;
    }

    /** Runs the request's code and publishes its input, output, result or error, then replies. */
    void handle(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        comm.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        // as in the message spec (and IPython): only requests that store history advance the counter
        int count = request.shouldStoreHistory() ? executionCount.getAndIncrement() : executionCount.get();
        if (request.shouldStoreHistory()) {
            history.add(count, request.getCode());
        }
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        if (stdout == null) {
            kernel.useJJavaStreams(env);
        } else {
            stdout.beginCell(env);
            stderr.beginCell(env);
        }
        io.attach(env, request.isStdinEnabled());
        env.defer(() -> io.detach(env));
        executing = true;
        try {
            DisplayData out = kernel.eval(request.getCode());
            flushOutput();
            if (out != null && !request.isSilent()) {
                env.publish(new PublishExecuteResult(count, out));
            }
            if (out != null && request.shouldStoreHistory()) {
                Object text = out.getData(MIMEType.TEXT_PLAIN);
                history.setOutput(count, text == null ? "" : text.toString());
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Exception e) {
            if (e instanceof KernelThreadStop) {
                e = JShellEvaluator.interruptedError(); // an interrupt stopped the kernel's thread (showing the value)
            }
            flushOutput();
            String name = e instanceof CellError error ? error.name() : e.getClass().getName();
            String value = e instanceof CellError ? String.valueOf(e.getMessage()) : String.valueOf(e.getLocalizedMessage());
            List<String> traceback = kernel.formatError(e);
            ErrorReply reply = new ErrorReply(name, value, traceback);
            reply.setExecutionCount(count);
            env.publish(new PublishError(name, value, traceback));
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } finally {
            executing = false;
            kernel.endCell();
        }
    }

    /**
     * Clears the output of the cell that stdout goes to (the running cell, or the last one once it finished), after
     * sending what was printed before the call: the streams batch their text, which would otherwise arrive after
     * the clear.
     *
     * @param wait true: the front end clears when the next output arrives
     */
    void clearOutput(boolean wait) {
        System.out.flush();
        System.err.flush();
        if (stdout == null) {
            return; // JJava's streams (tests): no cell output is batched, and there is no cell to clear
        }
        stderr.sendPending();
        ShellReplyEnvironment cell = stdout.sendPending();
        if (cell != null) {
            cell.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
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
}
