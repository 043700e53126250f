package org.pyport.measure;

import java.lang.management.ManagementFactory;

/**
 * Whether other programs were keeping this machine's cores busy when a measurement started. Timings and CPU
 * shares taken on a busy machine say more about the other programs than about the code measured, so a notebook
 * that draws a lesson from them says so instead (and skips the check that needs idle cores).
 *
 * <p>The measure is the operating system's one-minute load average: the number of runnable threads, averaged.
 * Above twice the number of cores, every core had other work queued for most of the last minute. (The notebook's
 * own earlier cells count too, which is why the threshold is not simply the number of cores.)
 *
 * @param loadAverage the one-minute load average, or a negative number where the platform has none (Windows)
 * @param cores       the cores this JVM may use
 */
public record MachineLoad(double loadAverage, int cores) {

    /** The load now. */
    public static MachineLoad now() {
        return new MachineLoad(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** True when other work was queued on every core: the load average is above twice the number of cores. */
    public boolean busy() {
        return loadAverage > 2.0 * cores;
    }

    /** For people: {@code load average 12.6 on 2 cores}, or {@code 2 cores (no load average here)}. */
    @Override
    public String toString() {
        return loadAverage < 0 ? cores + (cores == 1 ? " core" : " cores") + " (no load average here)"
                : String.format(java.util.Locale.ROOT, "load average %.1f on %d %s", loadAverage, cores, cores == 1 ? "core" : "cores");
    }
}
