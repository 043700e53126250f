package org.pyport.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A census of this JVM's threads and child processes taken at the start of a notebook, compared at
 * the end: anything the notebook started and did not stop is listed by name and fails the check.
 *
 * <p>Not counted: threads the JDK keeps in its own shared pools (the process reaper, the common fork-join pool,
 * virtual-thread carriers), which idle for up to a minute after use and are not the notebook's to stop; and the
 * notebook kernel's own threads, whose name prefixes the kernel publishes in the system property
 * {@value #KERNEL_THREADS_PROPERTY} (comma-separated, as it publishes {@code pyport.cellClassDir}). Outside a
 * kernel that property is absent and every new thread counts.
 */
public final class LeakCheck {
    /** System property in which a notebook kernel names its threads: name prefixes, separated by commas. */
    public static final String KERNEL_THREADS_PROPERTY = "pyport.kernelThreads";

    private static final List<String> JDK_POOL_PREFIXES = List.of(
            "process reaper", "ForkJoinPool.commonPool-worker", "Common-Cleaner", "Cleaner-", "Attach Listener",
            "Signal Dispatcher", "Notification Thread", "Reference Handler", "Finalizer", "JFR ",
            "VirtualThread-unparker", "VirtualThread-unblocker", "CompletableFutureDelayScheduler", "Read-Poller",
            "Write-Poller", "InnocuousThread-", "Keep-Alive-Timer",
            "Java2D Disposer"); // started once per JVM by the first chart (AWT), never stopped

    private final Set<Thread> threads;
    private final Set<Long> processes;
    private final List<String> kernelPrefixes;

    private LeakCheck(Set<Thread> threads, Set<Long> processes, List<String> kernelPrefixes) {
        this.threads = threads;
        this.processes = processes;
        this.kernelPrefixes = kernelPrefixes;
    }

    /** Takes the census now. */
    public static LeakCheck start() {
        Set<Long> pids = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).collect(Collectors.toSet());
        return new LeakCheck(new HashSet<>(Thread.getAllStackTraces().keySet()), pids, kernelThreadPrefixes());
    }

    /** The name prefixes of the notebook kernel's threads, from {@value #KERNEL_THREADS_PROPERTY}; empty outside a kernel. */
    public static List<String> kernelThreadPrefixes() {
        String published = System.getProperty(KERNEL_THREADS_PROPERTY, "");
        return Arrays.stream(published.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /**
     * Live threads that did not exist at the start, except JDK pool threads, the kernel's and the calling thread
     * (a notebook kernel may run each cell on a thread of its own).
     */
    public List<Thread> newThreads() {
        List<Thread> extra = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t != Thread.currentThread() && !threads.contains(t) && !isIgnored(t)) {
                extra.add(t);
            }
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

    private boolean isIgnored(Thread t) {
        ThreadGroup g = t.getThreadGroup();
        if (g != null && "CarrierThreads".equals(g.getName())) return true;
        String name = t.getName();
        return JDK_POOL_PREFIXES.stream().anyMatch(name::startsWith) || kernelPrefixes.stream().anyMatch(name::startsWith);
    }
}
