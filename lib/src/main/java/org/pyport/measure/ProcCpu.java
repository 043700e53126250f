package org.pyport.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the CPU time of a process: on Linux from {@code /proc/<pid>/stat} (utime + stime in clock
 * ticks), elsewhere from {@link ProcessHandle.Info#totalCpuDuration()}; this JVM from the
 * OperatingSystemMXBean, which has nanosecond resolution.
 */
final class ProcCpu {
    private static final boolean PROC = Files.isReadable(Path.of("/proc/self/stat"));
    private static volatile long ticksPerSecond;

    private ProcCpu() {}

    /** CPU nanoseconds used so far by {@code pid}, or -1 if it is gone or unknown. */
    static long cpuNanos(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            long own = jvmCpuNanos();
            if (own >= 0) return own;
        }
        if (PROC) {
            long ticks = procTicks(pid);
            if (ticks >= 0) return ticks * 1_000_000_000L / clockTicks();
            return -1; // /proc is authoritative: the process is gone
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
    }

    /** This JVM's CPU time (all threads, user + system), or -1 when the platform does not say. */
    static long jvmCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }

    /** utime + stime from /proc/<pid>/stat, or -1. */
    static long procTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // the command name (field 2) may contain spaces and parentheses: parse after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // after the comm: state is field 3, so utime (14) and stime (15) are at indices 11 and 12
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Clock ticks per second ({@code getconf CLK_TCK}), asked once; 100 if that fails. */
    static long clockTicks() {
        long t = ticksPerSecond;
        if (t == 0) {
            t = 100;
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                if (p.waitFor() == 0) t = Long.parseLong(out);
            } catch (IOException | RuntimeException e) {
                // keep the Linux default
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t <= 0) t = 100;
            ticksPerSecond = t;
        }
        return t;
    }

    /** A short command name for labels: the executable's file name. */
    static String commandName(ProcessHandle h) {
        Optional<String> cmd = h.info().command();
        if (cmd.isPresent()) return Path.of(cmd.get()).getFileName().toString();
        if (PROC) {
            try {
                return Files.readString(Path.of("/proc", Long.toString(h.pid()), "comm")).trim();
            } catch (IOException e) {
                // fall through
            }
        }
        return "process";
    }
}
