package org.pyport.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.pyport.kernel.exec.KernelThreads;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Replacement for {@code System.out} / {@code System.err} while the kernel runs. Text goes to the running
 * cell, or, once it finished, to the last cell (so background threads' output is not lost). Output is sent in
 * batches at most every {@value #BATCH_MILLIS} ms, and each cell shows at most {@link #limit} characters per
 * stream; the rest is dropped with a note, so a runaway print cannot overwhelm the front end.
 */
final class CellOutput extends OutputStream {

    static final long BATCH_MILLIS = 20;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, KernelThreads.OUTPUT);
        t.setDaemon(true);
        return t;
    });

    private final boolean stderr;
    private final PrintStream fallback;
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final StringBuilder pending = new StringBuilder();

    private ShellReplyEnvironment env;
    private long sent;
    private long dropped;
    private long lastSend;
    private boolean scheduled;

    /**
     * @param stderr   true for the error stream
     * @param fallback where text goes before any cell ran (the process's own stream)
     * @param limit    characters shown per cell
     */
    CellOutput(boolean stderr, PrintStream fallback, int limit) {
        this.stderr = stderr;
        this.fallback = fallback;
        this.limit = limit;
    }

    /** Routes output to {@code cellEnv} and resets the per-cell limit. */
    synchronized void beginCell(ShellReplyEnvironment cellEnv) {
        send();
        env = cellEnv;
        sent = 0;
        dropped = 0;
    }

    /** Sends what is pending now (before the cell's reply), noting dropped output. */
    synchronized void endCell() {
        decodeAvailable();
        send();
        if (dropped > 0) {
            publish("\n[pyport: " + dropped + " more characters of output were not shown]\n");
            dropped = 0;
        }
    }

    /**
     * Sends the pending text now, not batched: what the cell printed must reach the front end before a message
     * that is not a stream's (a {@code clear_output}).
     *
     * @return the cell the text goes to; null before any cell ran
     */
    synchronized ShellReplyEnvironment sendPending() {
        decodeAvailable();
        send();
        return env;
    }

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
    }

    @Override
    public synchronized void flush() {
        decodeAvailable();
        if (pending.length() == 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastSend >= TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS) || pending.length() > 64 * 1024) {
            send();
        } else if (!scheduled) {
            scheduled = true;
            TIMER.schedule(this::scheduledSend, BATCH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void scheduledSend() {
        scheduled = false;
        send();
    }

    /** Moves complete UTF-8 characters from the byte buffer to the pending text. */
    private void decodeAvailable() {
        if (bytes.size() == 0) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        out.flip();
        pending.append(out);
        byte[] rest = new byte[in.remaining()]; // an incomplete character at the end waits for its other bytes
        in.get(rest);
        bytes.reset();
        bytes.write(rest, 0, rest.length);
    }

    private void send() {
        if (pending.length() == 0) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        long room = limit - sent;
        if (room <= 0) {
            dropped += text.length();
            return;
        }
        if (text.length() > room) {
            dropped += text.length() - room;
            text = text.substring(0, (int) room) + "\n[pyport: output truncated: a cell shows at most " + limit
                    + " characters per stream]\n";
        }
        sent += Math.min(room, text.length());
        publish(text);
    }

    private void publish(String text) {
        lastSend = System.nanoTime();
        ShellReplyEnvironment target = env;
        if (target == null) {
            fallback.print(text);
            fallback.flush();
        } else if (stderr) {
            target.writeToStdErr(text);
        } else {
            target.writeToStdOut(text);
        }
    }
}
