package org.pyport.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineLoadTest {

    @Test
    void busyMeansMoreThanTwoRunnableThreadsPerCore() {
        assertTrue(new MachineLoad(12.6, 2).busy());
        assertFalse(new MachineLoad(4.0, 2).busy());
        assertFalse(new MachineLoad(-1, 2).busy(), "no load average: not known to be busy");
    }

    @Test
    void readsForPeople() {
        assertEquals("load average 12.6 on 2 cores", new MachineLoad(12.64, 2).toString());
        assertEquals("1 core (no load average here)", new MachineLoad(-1, 1).toString());
    }

    @Test
    void nowSeesThisMachinesCores() {
        assertEquals(Runtime.getRuntime().availableProcessors(), MachineLoad.now().cores());
    }
}
