package org.pyport.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel's JIT directives are added from inside the JVM (the surefire JVM opens jdk.management as kernel.json). */
class CompilerDirectivesTest {

    @Test
    void theKernelsDirectivesAreAddedAndABadFileIsSaid(@TempDir Path tmp) throws Exception {
        assertNull(CompilerDirectives.add(Path.of("..", "compiler-directives.json")));
        Path bad = Files.writeString(tmp.resolve("bad.json"), "[{ match: \"x\", c2: { Exclude: bogus } }]");
        String problem = CompilerDirectives.add(bad);
        assertTrue(problem != null && problem.toLowerCase().contains("pars"), String.valueOf(problem));
        assertTrue(CompilerDirectives.add(tmp.resolve("missing.json")).startsWith("no file"));
    }
}
