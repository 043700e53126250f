package org.pyport.python;

/**
 * What a python3 run produced.
 *
 * @param stdout    standard output, decoded as UTF-8
 * @param stderr    standard error, decoded as UTF-8
 * @param exitCode  the process exit code (0 = success)
 * @param wallNanos elapsed wall-clock time
 * @param cpuNanos  CPU time (user + system) the process used, or -1 where the OS does not tell
 */
public record PyResult(String stdout, String stderr, int exitCode, long wallNanos, long cpuNanos) {

    /** Returns this result if python3 exited with 0, else throws with the exit code and stderr. */
    public PyResult check() {
        if (exitCode != 0) {
            throw new PythonException("python3 exited with code " + exitCode + (stderr.isEmpty() ? "" : ":\n" + stderr.strip()), this);
        }
        return this;
    }

    /** Whether python3 exited with 0. */
    public boolean ok() {
        return exitCode == 0;
    }

    /** Wall-clock time in seconds. */
    public double wallSeconds() {
        return wallNanos / 1e9;
    }
}
