package org.pyport.distributed.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a {@code main} class in a child JVM with this JVM's classpath (the kernel's {@code
 * pyport.classpath} when it is set). The child inherits nothing else: it gets its own
 * environment additions and arguments, and its stdin is a pipe, so when the parent dies the
 * child's {@code System.in} reaches end-of-file.
 */
public final class JavaChild {
  private JavaChild() {}

  /**
   * @param main a class with {@code public static void main(String[])}
   * @param env environment variables to add (e.g. a secret that must not show in {@code ps})
   * @param args its arguments
   * @return the started process; its stderr is merged into stdout, one pipe the caller reads
   */
  public static Process start(Class<?> main, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    // (no -XX:TieredStopAtLevel=1: workers run long enough for C2 to pay off)
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a child JVM for " + main.getName(), e);
    }
  }

  /** The classpath a child needs: the kernel's, or this JVM's. */
  public static String classpath() {
    String cp = System.getProperty("pyport.classpath");
    String own = System.getProperty("java.class.path");
    if (cp == null || cp.isBlank()) {
      return own;
    }
    return own == null || own.isBlank() ? cp : cp + File.pathSeparator + own;
  }
}
