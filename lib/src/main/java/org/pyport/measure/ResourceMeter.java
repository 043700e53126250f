package org.pyport.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Measures what a block costs: wall time, the peak number of platform (OS) threads, and the peak
 * growth of the process's resident memory (Linux {@code /proc/self/status}; elsewhere the Java heap).
 * Virtual threads are not OS threads, so they do not show in the thread peak — which is the point
 * of comparing them.
 */
public final class ResourceMeter {
    private ResourceMeter() {}

    /**
     * One measurement.
     *
     * @param label what was measured
     * @param seconds wall-clock time
     * @param peakThreads the highest number of live platform threads during the run
     * @param peakMemoryMb the highest memory growth over the start, in MiB
     */
    public record Usage(String label, double seconds, int peakThreads, double peakMemoryMb) {}

    /** Runs {@code block}, sampling memory every few milliseconds on a helper thread that ends with it. */
    public static Usage measure(String label, Runnable block) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.gc();
        long base = memoryBytes();
        long[] peak = {base};
        boolean[] stop = {false};
        Thread sampler = new Thread(() -> {
            while (true) {
                long m = memoryBytes();
                synchronized (peak) {
                    peak[0] = Math.max(peak[0], m);
                    if (stop[0]) return;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "resource-meter");
        sampler.setDaemon(true);
        sampler.start();
        mx.resetPeakThreadCount();
        Usage usage;
        long t0 = System.nanoTime();
        try {
            block.run();
        } finally {
            double seconds = (System.nanoTime() - t0) / 1e9;
            int threads = mx.getPeakThreadCount() - 1; // minus the sampler itself
            synchronized (peak) {
                stop[0] = true;
            }
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long grown = Math.max(0, Math.max(peak[0], memoryBytes()) - base);
            usage = new Usage(label, seconds, threads, grown / (1024.0 * 1024.0));
        }
        return usage;
    }

    /** A table with one row per usage: {@code label, seconds, peak_threads, peak_memory_mb}. */
    public static Table table(List<Usage> usages) {
        StringColumn label = StringColumn.create("label");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        IntColumn threads = IntColumn.create("peak_threads");
        DoubleColumn mem = DoubleColumn.create("peak_memory_mb");
        for (Usage u : usages) {
            label.append(u.label());
            seconds.append(u.seconds());
            threads.append(u.peakThreads());
            mem.append(u.peakMemoryMb());
        }
        return Table.create("resources", label, seconds, threads, mem);
    }

    /** Resident set size on Linux; used heap elsewhere. */
    static long memoryBytes() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // fall through to the heap
            }
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
