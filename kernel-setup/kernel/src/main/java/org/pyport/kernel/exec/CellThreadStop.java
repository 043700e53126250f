package org.pyport.kernel.exec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The end of an interrupted cell: its threads (the cell's own and those it started, one thread group) are asked
 * to stop by the cooperative means first ({@code Thread.stop} on JDK 17-19; JShell's stop checks and an interrupt on
 * 20+), then, if they still run, sent a {@code ThreadDeath} by {@link ThreadStopper}; what survives that is left
 * running and described in the cell's error, with what to do about it. The whole takes less than a second, so an
 * interrupt always gives the notebook back.
 */
final class CellThreadStop {

    /** how long the cooperative means get before threads are stopped */
    private static final long GENTLE_MILLIS = 300;
    /** how long each round of stops gets */
    private static final long ROUND_MILLIS = 250;
    private static final int ROUNDS = 2;
    private static final int FRAMES_SHOWN = 4;
    private static final String INDENT = "    ";

    private CellThreadStop() {
    }

    /**
     * Stops the threads of an interrupted cell (the cooperative means were used already).
     *
     * @param group the cell's thread group
     * @return the threads still alive afterwards
     * @throws InterruptedException if the calling thread is interrupted meanwhile
     */
    static List<Thread> stopAll(ThreadGroup group) throws InterruptedException {
        awaitEnd(group, GENTLE_MILLIS);
        for (int round = 0; round < ROUNDS && !liveThreads(group).isEmpty(); round++) {
            for (Thread t : liveThreads(group)) {
                ThreadStopper.stop(t);
            }
            group.interrupt();
            awaitEnd(group, ROUND_MILLIS);
        }
        return liveThreads(group);
    }

    private static void awaitEnd(ThreadGroup group, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!liveThreads(group).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** @return the live threads of {@code group} and its subgroups */
    static List<Thread> liveThreads(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int count = group.enumerate(threads, true);
        List<Thread> live = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (threads[i].isAlive()) {
                live.add(threads[i]);
            }
        }
        return live;
    }

    /**
     * What the error of an interrupted cell says about the threads it left: for each its name, what it is doing,
     * its top frames, and how it can be freed.
     *
     * @param threads threads still alive after {@link #stopAll}
     * @return the lines, empty if there are none
     */
    static List<String> describe(List<Thread> threads) {
        List<String> out = new ArrayList<>();
        if (threads.isEmpty()) {
            return out;
        }
        out.add(threads.size() == 1 ? "1 thread of this cell could not be stopped and is left running:"
                : threads.size() + " threads of this cell could not be stopped and are left running:");
        boolean spinning = false;
        boolean blocked = false;
        boolean inNative = false;
        for (Thread t : threads) {
            ThreadInfo info = info(t);
            StackTraceElement[] frames = info != null ? info.getStackTrace() : t.getStackTrace();
            Thread.State state = info != null ? info.getThreadState() : t.getState();
            String doing;
            if (state == Thread.State.BLOCKED) {
                blocked = true;
                doing = "waiting for a lock" + (info == null ? "" : " (" + info.getLockName()
                        + (info.getLockOwnerName() == null ? "" : ", held by \"" + info.getLockOwnerName() + "\"") + ")");
            } else if (state == Thread.State.RUNNABLE && frames.length > 0 && frames[0].isNativeMethod()) {
                inNative = true;
                doing = "blocked in native code (I/O such as a socket's accept() or read())";
            } else if (state == Thread.State.RUNNABLE) {
                spinning = true;
                doing = "running, using a CPU core";
            } else {
                doing = "waiting (" + state + ")";
            }
            out.add(INDENT + "\"" + t.getName() + "\": " + doing);
            frames(frames).forEach(line -> out.add(INDENT + INDENT + line));
        }
        if (inNative) {
            out.add("A thread blocked in native code stops as soon as that call returns: close what it waits on (for"
                    + " example the ServerSocket or Socket) in another cell, or restart the kernel.");
        }
        if (blocked) {
            out.add("A thread waiting for a lock cannot be stopped: once that lock is free it stops; if the threads"
                    + " wait for each other (a deadlock), only restarting the kernel frees them.");
        }
        if (spinning) {
            String why = ThreadStopper.whyNot();
            out.add("A running thread keeps a CPU core busy until it ends"
                    + (why == null ? "" : " (this kernel cannot stop code running inside the JDK: " + why + ")")
                    + ": restart the kernel (Kernel > Restart Kernel) to free the core.");
        }
        return out;
    }

    private static ThreadInfo info(Thread t) {
        try {
            ThreadInfo[] infos = ManagementFactory.getThreadMXBean().getThreadInfo(new long[]{t.getId()}, false, false);
            return infos.length == 1 ? infos[0] : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // java.lang.management unavailable: the thread's own stack and state do
        }
    }

    /**
     * The top frames, and then the cell code the thread runs (the top frames may all be the JDK's): the first
     * {@value #FRAMES_SHOWN}, the last library frame before the cell's code (what the cell called), the cell's frames.
     * JShell's wrapper classes are named as cell code; the kernel's and reflection's frames below it are left out.
     */
    static List<String> frames(StackTraceElement[] frames) {
        List<String> out = new ArrayList<>();
        int cell = -1;
        int end = frames.length;
        for (int i = 0; i < frames.length; i++) {
            String cls = frames[i].getClassName();
            if (cls.startsWith("REPL.")) {
                cell = cell < 0 ? i : cell;
            } else if (cell >= 0) {
                end = i; // below the cell's code: reflection and the kernel
                break;
            }
        }
        int top = cell < 0 ? Math.min(FRAMES_SHOWN, end) : Math.min(FRAMES_SHOWN, cell);
        for (int i = 0; i < top; i++) {
            out.add("at " + frame(frames[i]));
        }
        int resume = cell < 0 ? end : Math.max(top, cell - 1);
        if (resume > top) {
            out.add("... " + (resume - top) + " more");
        }
        for (int i = resume; i < end; i++) {
            out.add("at " + frame(frames[i]));
            if (i - resume >= FRAMES_SHOWN) {
                out.add("... " + (end - i - 1) + " more");
                break;
            }
        }
        return out;
    }

    /** Cell code is named as such (JShell's wrapper classes mean nothing to a reader); other frames without module. */
    private static String frame(StackTraceElement frame) {
        String method = frame.getMethodName();
        if (frame.getClassName().startsWith("REPL.")) {
            // (the line numbers of a live thread's frames are those of JShell's wrapper source, not the cell's)
            return method.isEmpty() || method.startsWith("do_it$") ? "the cell's code"
                    : (method.startsWith("lambda$") ? "a lambda" : method) + " (cell code)";
        }
        String where = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getFileName() + (frame.getLineNumber() >= 0 ? ":" + frame.getLineNumber() : "");
        return frame.getClassName() + "." + method + "(" + where + ")";
    }
}
