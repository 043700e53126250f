package org.pyport.concurrent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds deadlocked threads of this JVM with {@link ThreadMXBean#findDeadlockedThreads()}, which sees
 * both {@code synchronized} monitors and {@link java.util.concurrent.locks.Lock}s. Python has no such
 * built-in: a deadlocked CPython program just hangs.
 */
public final class Deadlocks {
    private Deadlocks() {}

    /**
     * One thread of a deadlock cycle: its name, the lock it waits for and the thread that holds that lock.
     *
     * @param thread the live thread (so a notebook can interrupt it)
     * @param name its name
     * @param waitingFor the lock it is blocked on, e.g. {@code ReentrantLock$NonfairSync@1b6d3586}
     * @param heldBy the name of the thread that holds that lock
     */
    public record Deadlocked(Thread thread, String name, String waitingFor, String heldBy) {
        @Override
        public String toString() {
            return name + " waits for " + waitingFor + " held by " + heldBy;
        }
    }

    /** The threads deadlocked right now (empty if none). */
    public static List<Deadlocked> find() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = mx.isSynchronizerUsageSupported() ? mx.findDeadlockedThreads() : mx.findMonitorDeadlockedThreads();
        List<Deadlocked> out = new ArrayList<>();
        if (ids == null) return out;
        Map<Long, Thread> live = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) live.put(threadId(t), t);
        for (ThreadInfo info : mx.getThreadInfo(ids)) {
            if (info == null) continue; // ended in the meantime
            out.add(new Deadlocked(live.get(info.getThreadId()), info.getThreadName(),
                    String.valueOf(info.getLockName()), String.valueOf(info.getLockOwnerName())));
        }
        return out;
    }

    /**
     * Polls {@link #find()} until a deadlock shows up or {@code within} passes; returns what it found
     * (empty if none). Threads need a moment to block on each other's locks after they start.
     */
    public static List<Deadlocked> await(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<Deadlocked> found = find();
            if (!found.isEmpty() || System.nanoTime() > deadline) return found;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    // Thread.getId() is deprecated from JDK 19 in favour of threadId(); both give the same value
    @SuppressWarnings("deprecation")
    private static long threadId(Thread t) {
        return t.getId();
    }
}
