package org.pyport.measure;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Ways to read a whole file, timed: each strategy reads every byte and counts lines (so none can skip
 * work), and reports bytes, lines and seconds of its fastest of a few runs. {@link #disk(Path)} reads with
 * {@code O_DIRECT}, past the operating system's page cache, to measure the storage itself — the
 * limit for a file that is not cached; the other strategies read a file the page cache already holds.
 */
public final class ReadBench {
    private ReadBench() {}

    /**
     * One measurement.
     *
     * @param language who read: "Java", "Python", or "limit" for the reference reads
     * @param way      what kind of read, shared by the languages ("read all", "for line"...): the chart's groups
     * @param api      the call that did it ({@code Files.readAllBytes}, {@code readlines()}...)
     * @param lines    lines counted, or -1 for reads that only move bytes
     */
    public record Result(String language, String way, String api, long bytes, long lines, double seconds) {
        /** Throughput in MB/s (10^6 bytes). */
        public double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    /** A read strategy: reads {@code file} and returns {bytes, lines}. */
    @FunctionalInterface
    public interface Strategy {
        long[] read(Path file) throws IOException;
    }

    /**
     * Writes an ASCII text file of at least {@code bytes} bytes (numbered lines of 64 bytes) and forces
     * it to the device, so a later {@code O_DIRECT} read measures the disk rather than pending writes.
     *
     * @return the number of lines written
     */
    public static long writeTextFile(Path file, long bytes) {
        String tail = " the quick brown fox jumps over the lazy dog 0123456789\n"; // 8 digits + 56 = 64 bytes
        long lines = (bytes + 63) / 64;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (long i = 0; i < lines; i++) {
                String n = Long.toString(i % 100_000_000L);
                w.write("00000000", 0, 8 - n.length());
                w.write(n);
                w.write(tail);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + file, e);
        }
        return lines;
    }

    /** Runs {@code s} {@code runs} times and keeps the fastest: later runs see a warm JIT and page cache. */
    public static Result measure(String language, String way, String api, Path file, int runs, Strategy s) {
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1");
        double best = Double.MAX_VALUE;
        long[] r = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            try {
                r = s.read(file);
            } catch (IOException e) {
                throw new UncheckedIOException(api + " failed on " + file, e);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return new Result(language, way, api, r[0], r[1], best);
    }

    /** {@code f.read()} in binary: {@link Files#readAllBytes}, then count the newlines. */
    public static long[] readAllBytes(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        long lines = 0;
        for (byte x : b) if (x == '\n') lines++;
        return new long[] {b.length, lines};
    }

    /** {@code for line in f:} in text mode: {@link BufferedReader#readLine}, decoding UTF-8 to chars. */
    public static long[] bufferedReaderLines(Path f) throws IOException {
        long lines = 0, chars = 0;
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines++;
                chars += line.length() + 1;
            }
        }
        return new long[] {chars, lines}; // ASCII file: chars + newlines == bytes
    }

    /** {@code f.readlines()}: {@link Files#readAllLines}, every line in one list. */
    public static long[] readAllLines(Path f) throws IOException {
        long chars = 0;
        java.util.List<String> all = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (String line : all) chars += line.length() + 1;
        return new long[] {chars, all.size()};
    }

    /** {@link Files#lines}: a lazy stream of lines (must be closed, hence try-with-resources). */
    public static long[] filesLines(Path f) throws IOException {
        long[] acc = new long[2];
        try (Stream<String> s = Files.lines(f, StandardCharsets.UTF_8)) {
            s.forEach(line -> {
                acc[0] += line.length() + 1;
                acc[1]++;
            });
        }
        return acc;
    }

    /** {@code mmap.mmap(...)}: map the file and scan the mapped memory for newlines. */
    public static long[] memoryMapped(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = ch.size(), lines = 0;
            // one mapping is limited to 2 GB; map in windows so any size works
            for (long pos = 0; pos < size; pos += Integer.MAX_VALUE) {
                MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, pos, Math.min(Integer.MAX_VALUE, size - pos));
                while (m.hasRemaining()) if (m.get() == '\n') lines++;
            }
            return new long[] {size, lines};
        }
    }

    /**
     * The I/O alone: a {@link FileChannel} reading into a 4 MB direct buffer, nothing decoded or scanned
     * (lines are not counted: -1). From the page cache this is roughly memory-copy speed.
     */
    public static long[] channelOnly(Path f) throws IOException {
        return channelRead(f, ByteBuffer.allocateDirect(4 << 20), StandardOpenOption.READ);
    }

    /**
     * Sequential read with {@code O_DIRECT}: the page cache is bypassed, so this is the storage device's
     * own speed (on a virtual machine, the host may still cache). Needs a block-aligned buffer.
     *
     * @throws UnsupportedOperationException where O_DIRECT is not available (tmpfs, macOS, Windows)
     */
    public static long[] disk(Path f) throws IOException {
        OpenOption direct;
        try {
            direct = com.sun.nio.file.ExtendedOpenOption.DIRECT;
        } catch (NoClassDefFoundError e) {
            throw new UnsupportedOperationException("this JDK has no ExtendedOpenOption.DIRECT", e);
        }
        int align = (int) Files.getFileStore(f).getBlockSize();
        int size = 8 << 20;
        ByteBuffer buf = ByteBuffer.allocateDirect(size + align).alignedSlice(align);
        buf.limit(size - size % align);
        try {
            return channelRead(f, buf, StandardOpenOption.READ, direct);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Invalid argument")) {
                throw new UnsupportedOperationException("O_DIRECT is not supported by the file system of " + f, e);
            }
            throw e;
        }
    }

    private static long[] channelRead(Path f, ByteBuffer buf, OpenOption... opts) throws IOException {
        long total = 0;
        try (FileChannel ch = FileChannel.open(f, opts)) {
            long size = ch.size();
            int cap = buf.limit();
            // stop at the known size: with O_DIRECT, one more read at an unaligned end offset may fail
            while (total < size) {
                buf.clear().limit(cap);
                int n = ch.read(buf);
                if (n < 0) break;
                total += n;
            }
        }
        return new long[] {total, -1};
    }
}
