package org.pyport.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProcessQueueTest {

    @Test
    void itemsTravelBetweenTwoChildProcessesInOrder() {
        try (ProcessQueue q = ProcessQueue.create()) {
            Pool p = new Pool(2);
            AsyncResult<ArrayList<Object>> reader = p.applyAsync(() -> {
                ArrayList<Object> got = new ArrayList<>();
                for (int i = 0; i < 3; i++) got.add(q.get());
                return got;
            });
            AsyncResult<Void> writer = p.applyAsync(() -> {
                for (String v : List.of("A", "B", "C")) q.put(v);
            });
            writer.get();
            assertEquals(List.of("A", "B", "C"), reader.get());
            p.close();
            p.join();
        }
    }

    @Test
    void jsonValuesKeepTheirShape() {
        try (ProcessQueue q = ProcessQueue.create()) {
            Pool p = new Pool(1);
            p.applyAsync(() -> q.put(Map.of("n", 3, "xs", List.of(1, 2)))).get();
            p.close();
            p.join();
            assertEquals(Map.of("n", 3, "xs", List.of(1, 2)), q.get());
            assertEquals(0, q.qsize());
        }
    }

    @Test
    void getWithTimeoutRaisesEmptyInOwnerAndInChild() {
        try (ProcessQueue q = ProcessQueue.create()) {
            assertThrows(ProcessQueue.EmptyException.class, () -> q.get(50, TimeUnit.MILLISECONDS));
            Pool p = new Pool(1);
            AsyncResult<String> r = p.applyAsync(() -> {
                try {
                    q.get(50, TimeUnit.MILLISECONDS);
                    return "got something";
                } catch (ProcessQueue.EmptyException e) {
                    return "empty";
                }
            });
            assertEquals("empty", r.get());
            p.close();
            p.join();
        }
    }

    @Test
    void closeEndsTheServerThreads() throws Exception {
        ProcessQueue q = ProcessQueue.create();
        Pool p = new Pool(1);
        p.applyAsync(() -> q.put("x")).get();
        p.close();
        p.join();
        q.close();
        Thread.sleep(50);
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("pyport-queue-")),
                "queue threads left running");
    }
}
