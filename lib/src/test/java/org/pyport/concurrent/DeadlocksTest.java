package org.pyport.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DeadlocksTest {

    @Test
    void noDeadlockInAQuietJvm() {
        assertTrue(Deadlocks.find().isEmpty());
    }

    @Test
    void findsAndBreaksALockCycle() throws Exception {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread t1 = new Thread(() -> cross(a, b, bothHoldOne), "T1");
        Thread t2 = new Thread(() -> cross(b, a, bothHoldOne), "T2");
        t1.start();
        t2.start();
        List<Deadlocks.Deadlocked> found = Deadlocks.await(Duration.ofSeconds(20));
        Set<String> names = found.stream().map(Deadlocks.Deadlocked::name).collect(Collectors.toSet());
        assertEquals(Set.of("T1", "T2"), names);
        for (Deadlocks.Deadlocked d : found) {
            assertTrue(d.heldBy().equals("T1") || d.heldBy().equals("T2"), d.toString());
            d.thread().interrupt();
        }
        t1.join(10_000);
        t2.join(10_000);
        assertTrue(!t1.isAlive() && !t2.isAlive(), "interrupt did not break the deadlock");
        assertTrue(Deadlocks.find().isEmpty());
    }

    private static void cross(ReentrantLock first, ReentrantLock second, CountDownLatch latch) {
        try {
            first.lockInterruptibly();
            try {
                latch.countDown();
                latch.await();
                second.lockInterruptibly();
                second.unlock();
            } finally {
                first.unlock();
            }
        } catch (InterruptedException e) {
            // broken out of the deadlock
        }
    }

    @Test
    void findsMonitorDeadlocksToo() throws Exception {
        Object a = new Object();
        Object b = new Object();
        CountDownLatch latch = new CountDownLatch(2);
        Thread t1 = new Thread(() -> monitors(a, b, latch), "M1");
        Thread t2 = new Thread(() -> monitors(b, a, latch), "M2");
        t1.setDaemon(true); // a monitor deadlock cannot be broken: the JVM reclaims these at exit
        t2.setDaemon(true);
        t1.start();
        t2.start();
        assertEquals(2, Deadlocks.await(Duration.ofSeconds(20)).size());
    }

    private static void monitors(Object first, Object second, CountDownLatch latch) {
        synchronized (first) {
            latch.countDown();
            try {
                latch.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (second) {
                second.hashCode();
            }
        }
    }
}
