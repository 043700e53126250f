package org.pyport.pystd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.pyport.python.Python;

/** CPython (the reference) for a test, through the library's {@link Python}; skipped, not failed, without python3. */
final class Py {
    private Py() {}

    /** Runs {@code python3 -c code args...} and returns its stdout; fails on a non-zero exit. */
    static String run(String code, String... args) {
        assumeTrue(Python.available(), "python3 is needed");
        return Python.run(code, args).check().stdout();
    }
}
