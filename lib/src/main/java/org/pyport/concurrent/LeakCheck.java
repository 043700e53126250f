package org.pyport.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A census of this JVM's threads and child processes taken at the start of a notebook, compared at
 * the end: anything the notebook started and did not stop is listed by name and fails the check.
 *
 * <p>Threads the JDK keeps in its own shared pools (the process reaper, the common fork-join pool,
 * virtual-thread carriers) idle for up to a minute after use and are not the notebook's to stop, so
 * they are not counted; nor are the notebook kernel's own threads.
 */
public final class LeakCheck {
    private static final List<String> JDK_POOL_PREFIXES = List.of(
            "process reaper", "ForkJoinPool.commonPool-worker", "Common-Cleaner", "Attach Listener",
            "Signal Dispatcher", "Notification Thread", "Reference Handler", "Finalizer", "JFR ",
            "VirtualThread-unparker", "VirtualThread-unblocker", "CompletableFutureDelayScheduler", "Read-Poller", "Write-Poller", "InnocuousThread-",
            "Java2D Disposer", // started once per JVM by the first chart (AWT), never stopped
            // the notebook kernel's own threads (it runs cells on threads of their own and batches output lazily)
            "pyport-kernel", "pyport-cell-", "pyport-output-", "JShell", "Timer-jshell", "Keep-Alive-Timer", "Cleaner-");

    private final Set<Thread> threads;
    private final Set<Long> processes;

    private LeakCheck(Set<Thread> threads, Set<Long> processes) {
        this.threads = threads;
        this.processes = processes;
    }

    /** Takes the census now. */
    public static LeakCheck start() {
        Set<Long> pids = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).collect(Collectors.toSet());
        return new LeakCheck(new HashSet<>(Thread.getAllStackTraces().keySet()), pids);
    }

    /**
     * Live threads that did not exist at the start, except JDK pool threads and the calling thread
     * (a notebook kernel may run each cell on a thread of its own).
     */
    public List<Thread> newThreads() {
        List<Thread> extra = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t != Thread.currentThread() && !threads.contains(t) && !isJdkPoolThread(t)) extra.add(t);
        }
        return extra;
    }

    /** Live descendant processes that did not exist at the start. */
    public List<ProcessHandle> newProcesses() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && !processes.contains(p.pid()))
                .collect(Collectors.toList());
    }

    /**
     * Waits up to {@code grace} for threads and processes started since {@link #start()} to end, then
     * fails with their names if any is left; prints {@code ✓ left running: none} otherwise.
     */
    public void assertNoneLeft(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<Thread> ts = newThreads();
        List<ProcessHandle> ps = newProcesses();
        while ((!ts.isEmpty() || !ps.isEmpty()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ts = newThreads();
            ps = newProcesses();
        }
        if (!ts.isEmpty() || !ps.isEmpty()) {
            throw new AssertionError("✗ left behind: threads " + ts.stream().map(Thread::getName).collect(Collectors.toList())
                    + ", processes " + ps.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).collect(Collectors.toList()));
        }
        System.out.println("✓ left running: none (every thread and child process started since the census has ended)");
    }

    static boolean isJdkPoolThread(Thread t) {
        ThreadGroup g = t.getThreadGroup();
        if (g != null && "CarrierThreads".equals(g.getName())) return true;
        for (String p : JDK_POOL_PREFIXES) if (t.getName().startsWith(p)) return true;
        return false;
    }
}
