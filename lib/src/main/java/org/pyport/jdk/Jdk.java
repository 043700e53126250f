package org.pyport.jdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pyport.child.JvmCommand;

/**
 * Features of newer JDKs, reached from code compiled for Java 17: the notebooks run on whatever JDK
 * the kernel uses, and a cell that names a class the JDK lacks would not even compile. So the running
 * version is checked with {@link Runtime#version()} and newer API is looked up at run time.
 */
public final class Jdk {
    private Jdk() {}

    /** The feature release of the running JDK: 17, 21, 25, ... */
    public static int feature() {
        return Runtime.version().feature();
    }

    /**
     * {@code Executors.newVirtualThreadPerTaskExecutor()} on JDK 21+, empty on older JDKs.
     * Looked up with a method handle because this library is compiled for Java 17, which lacks it.
     */
    public static Optional<ExecutorService> virtualThreadExecutor() {
        if (feature() < 21) return Optional.empty();
        try {
            MethodHandle h = MethodHandles.publicLookup().findStatic(java.util.concurrent.Executors.class,
                    "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
            return Optional.of((ExecutorService) h.invoke());
        } catch (Throwable e) {
            throw new IllegalStateException("JDK " + feature() + " should have virtual threads but the lookup failed: " + e, e);
        }
    }

    /**
     * Runs a single-file Java program (a {@code public class} with {@code main}) with the JDK's
     * source launcher in a child JVM, if the running JDK has the API it needs: final from
     * {@code finalIn}, or as a preview from {@code previewFrom} (then with {@code --enable-preview}).
     * Prints the program's output, or a message saying which JDK is needed.
     *
     * @param feature a name for the message, e.g. {@code "ScopedValue"}
     * @return the program's output, or empty when the JDK is too old
     */
    public static Optional<String> runSource(String feature, int finalIn, int previewFrom, String source) {
        int v = feature();
        if (v < previewFrom) {
            System.out.println(feature + " needs JDK " + finalIn + " (preview in " + previewFrom + "–" + (finalIn - 1)
                    + "); this kernel runs JDK " + v);
            return Optional.empty();
        }
        Matcher m = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)").matcher(source);
        if (!m.find()) throw new IllegalArgumentException("the source needs a 'public class Name' with a main method");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pyport-src");
            Path file = dir.resolve(m.group(1) + ".java");
            Files.writeString(file, source);
            JvmCommand cmd = JvmCommand.ofSourceFile(file).redirectErrorStream(true);
            if (v < finalIn) cmd.jvmOptions("--enable-preview", "--source", String.valueOf(v));
            Process p = cmd.toProcessBuilder().start();
            String out = readAll(p.getInputStream());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException(feature + " demo did not finish within 60 s");
            }
            System.out.print(out);
            if (p.exitValue() != 0) throw new IllegalStateException(feature + " demo failed (exit " + p.exitValue() + "), output above");
            return Optional.of(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the " + feature + " demo: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the " + feature + " demo", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir
        }
    }
}
