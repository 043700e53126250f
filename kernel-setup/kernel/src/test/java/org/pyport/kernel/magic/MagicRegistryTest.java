package org.pyport.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One table for the kernel's magics and JJava-style ones; calls from code get the words joined as raw text. */
class MagicRegistryTest {

    @Test
    void kernelAndJJavaMagicsShareOneTable() throws Exception {
        MagicRegistry registry = new MagicRegistry();
        registry.line("echo", (kernel, call) -> call.rawArgs() + "|" + call.args().size());
        registry.registerLineMagic("count", (LineMagic<Integer, ?>) (kernel, args) -> args.size());
        assertEquals(Set.of("count", "echo"), registry.getLineMagicNames());
        assertEquals(Set.of(), registry.getCellMagicNames());
        // what JJava's and IJava's lineMagic(name, args) calls
        assertEquals("a b|2", registry.evalLineMagic(null, "echo", List.of("a", "b")));
        assertEquals(3, (int) registry.evalLineMagic(null, "count", List.of("x", "y", "z")));
        // a cell from the notebook, with its raw text
        assertEquals("x  'y z'|2", registry.run(null, new MagicCall("echo", "x  'y z'", List.of("x", "y z"), null, 4)));
        UndefinedMagicException e = assertThrows(UndefinedMagicException.class,
                () -> registry.run(null, MagicCall.of("echo", List.of(), "body")));
        assertEquals("echo", e.getMagicName());
    }
}
