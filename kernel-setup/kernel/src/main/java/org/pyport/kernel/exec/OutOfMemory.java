package org.pyport.kernel.exec;

import java.util.List;
import java.util.Locale;

/**
 * A cell that ran out of heap: the memory it held is given back at once (a full collection, after which the JVM
 * shrinks the heap), and its error says how large the heap may grow and how to let it grow more.
 */
final class OutOfMemory {

    private OutOfMemory() {
    }

    /** Collects what the failed cell left (its thread has ended), so the kernel does not keep holding the memory. */
    static void giveBack() {
        System.gc();
    }

    /** @return the lines added to the cell's error */
    static List<String> advice() {
        return List.of(
                "The kernel's heap is limited to " + size(Runtime.getRuntime().maxMemory())
                        + "; what the cell allocated is freed, and the kernel goes on.",
                "Objects kept in variables of earlier cells stay: set them to null to free them.",
                "For a larger heap, start the kernel with PYPORT_JVM_OPTS=-Xmx4g, or reinstall it with"
                        + " PYPORT_KERNEL_HEAP=4g (kernel-setup/README.md, \"Heap limit\").");
    }

    private static String size(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 1024 ? String.format(Locale.ROOT, "%.3g GB", mb / 1024) : String.format(Locale.ROOT, "%.0f MB", mb);
    }
}
