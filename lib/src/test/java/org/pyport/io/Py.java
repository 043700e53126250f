package org.pyport.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs CPython (the reference) for a test; the test is skipped, not failed, when python3 is missing. */
final class Py {
    private Py() {}

    /** Runs {@code code} with python3 -c and returns its stdout; fails on a non-zero exit. */
    static String run(String code, String... args) {
        String[] cmd = new String[3 + args.length];
        cmd[0] = "python3";
        cmd[1] = "-c";
        cmd[2] = code;
        System.arraycopy(args, 0, cmd, 3, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            assumeTrue(false, "python3 not available: " + e.getMessage());
            throw new AssertionError(e);
        }
        try {
            p.getOutputStream().close();
            // read both streams fully; the scripts are small so sequential reads cannot deadlock for long
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("python3 timed out");
            if (p.exitValue() != 0) throw new AssertionError("python3 failed (" + p.exitValue() + "):\n" + err);
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            p.destroyForcibly();
        }
    }
}
