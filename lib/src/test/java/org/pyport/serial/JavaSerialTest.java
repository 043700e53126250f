package org.pyport.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaSerialTest {
    /** Runs code while being deserialized, like an attack gadget would. */
    static final class Noisy implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile int readObjectRuns;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            readObjectRuns++;
        }
    }

    static final class Point implements Serializable {
        private static final long serialVersionUID = 7L;
        final int x;

        Point(int x) {
            this.x = x;
        }
    }

    private static HashMap<String, Object> bob() {
        HashMap<String, Object> d = new HashMap<>();
        d.put("name", "Bob");
        d.put("age", 20);
        d.put("score", 88);
        return d;
    }

    @Test
    void roundTripThroughBytesAndFile(@TempDir Path dir) {
        HashMap<String, Object> d = bob();
        assertEquals(d, JavaSerial.loads(JavaSerial.dumps(d)));
        Path f = dir.resolve("dump.ser");
        JavaSerial.dump(d, f);
        assertEquals(d, JavaSerial.load(f, SerialFilters.allowOnly(HashMap.class, String.class, Integer.class)));
    }

    @Test
    void filterAllowsListedClassesAndRejectsOthersBeforeTheirCodeRuns() {
        HashMap<String, Object> d = bob();
        List<String> log = new ArrayList<>();
        Object back = JavaSerial.loads(JavaSerial.dumps(d),
                SerialFilters.logging(SerialFilters.allowOnly(HashMap.class, String.class, Integer.class), log::add));
        assertEquals(d, back);
        assertTrue(log.contains("java.lang.Number → ALLOWED"), log.toString()); // superclass of Integer

        d.put("extra", new Noisy());
        byte[] evil = JavaSerial.dumps(d);
        int before = Noisy.readObjectRuns;
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> JavaSerial.loads(evil,
                SerialFilters.allowOnly(HashMap.class, String.class, Integer.class)));
        assertInstanceOf(InvalidClassException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("REJECTED"), e.getCause().getMessage());
        assertEquals(before, Noisy.readObjectRuns, "the rejected class's readObject must not run");
        // without a filter the same bytes run Noisy.readObject: the risk the filter removes
        JavaSerial.loads(evil);
        assertEquals(before + 1, Noisy.readObjectRuns);
    }

    @Test
    void filterEnforcesDepthLimit() {
        List<Object> deep = new ArrayList<>();
        List<Object> cur = deep;
        for (int i = 0; i < 50; i++) {
            List<Object> next = new ArrayList<>();
            cur.add(next);
            cur = next;
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> JavaSerial.loads(JavaSerial.dumps(deep), SerialFilters.allowOnly(ArrayList.class)));
        assertInstanceOf(InvalidClassException.class, e.getCause());
    }

    @Test
    void changedSerialVersionUidIsRejected() {
        byte[] b = JavaSerial.dumps(new Point(3));
        assertEquals(7L, JavaSerial.serialVersionUID(Point.class));
        byte[] other = JavaSerial.withSerialVersionUID(b, Point.class.getName(), 8L);
        assertFalse(java.util.Arrays.equals(b, other));
        assertArrayEquals(b, JavaSerial.withSerialVersionUID(other, Point.class.getName(), 7L));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> JavaSerial.loads(other));
        assertInstanceOf(InvalidClassException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("serialVersionUID = 8"), e.getCause().getMessage());
        assertThrows(IllegalArgumentException.class, () -> JavaSerial.withSerialVersionUID(b, "no.Such", 1L));
    }

    @Test
    void notSerializableGivesClearError() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> JavaSerial.dumps(Map.of("t", new Thread())));
        assertTrue(e.getMessage().contains("java.lang.Thread does not implement java.io.Serializable"), e.getMessage());
    }
}
