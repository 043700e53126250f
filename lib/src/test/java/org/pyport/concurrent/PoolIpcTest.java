package org.pyport.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.pyport.python.Python;

/**
 * The pool's loopback channel lets no one in: a process must prove it holds the pool's secret before any
 * frame of it is read, and what the workers send back is deserialized through an allow-list with limits.
 */
class PoolIpcTest {
    /**
     * What an attacker on the same machine does: watch /proc for this JVM's PoolWorker children, take the
     * port from the command line and the pid, stop the worker (SIGSTOP: same user) so as to connect first,
     * claim to be it (the HELLO frame of a pool without a secret), and print the type of every frame it
     * receives and whether the cell's secret was among the bytes; then let the worker go on (SIGCONT).
     */
    private static final String FOREIGN = String.join("\n",
            "import os, signal, socket, struct, sys, time",
            "parent, secret = sys.argv[1], sys.argv[2].encode()",
            "print('scanning', flush=True)",
            "deadline = time.monotonic() + 60",
            "while time.monotonic() < deadline:",
            "    for pid in os.listdir('/proc'):",
            "        try:",
            "            if not pid.isdigit() or open('/proc/%s/stat' % pid).read().rsplit(')', 1)[1].split()[1] != parent: continue",
            "            cmd = open('/proc/%s/cmdline' % pid, 'rb').read().split(b'\\0')",
            "        except OSError: continue",
            "        if b'org.pyport.concurrent.PoolWorker' not in cmd: continue",
            "        os.kill(int(pid), signal.SIGSTOP)",
            "        try:",
            "            s = socket.create_connection(('127.0.0.1', int(cmd[-2])))",
            "            print('connected as', pid, flush=True)",
            "            s.sendall(struct.pack('>bqi', 1, int(pid), 0))",
            "            s.settimeout(20); got = b''",
            "            try:",
            "                while True:",
            "                    b = s.recv(65536)",
            "                    if not b: break",
            "                    got += b",
            "            except OSError: pass",
            "        finally:",
            "            os.kill(int(pid), signal.SIGCONT)",
            "        types, at = [], 0",
            "        while at + 13 <= len(got):",
            "            t, i, n = struct.unpack('>bqi', got[at:at + 13]); types.append(t); at += 13 + n",
            "        print('frame types', types, 'secret seen', secret in got, flush=True)",
            "        sys.exit(0)",
            "    time.sleep(0.001)",
            "print('no worker seen', flush=True)");

    @Test
    void aForeignProcessThatConnectsWithAWorkersPidIsRefusedAndNeverSeesATask() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")) && Python.available(), "needs /proc and python3");
        String secret = "the-cells-secret-" + System.nanoTime();
        Process foreign = Python.start(FOREIGN, String.valueOf(ProcessHandle.current().pid()), secret);
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(foreign.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("scanning", out.readLine());
        Pool p = null;
        try {
            p = new Pool(1); // the foreign process connects while the worker JVM starts
            String s = secret;
            AsyncResult<Integer> r = p.applyAsync(() -> s.length());
            assertEquals(secret.length(), r.get(30, TimeUnit.SECONDS), "the real worker ran the task");
            p.close();
            p.join();
            assertTrue(foreign.waitFor(30, TimeUnit.SECONDS));
            assertEquals("connected as " + p.pids().get(0), out.readLine(), "the foreign process got in first");
            // it got a challenge (type 8), then the door closed: no TASK (type 2), no secret
            assertEquals("frame types [8] secret seen False", out.readLine());
        } finally {
            if (p != null) p.terminate();
            foreign.destroyForcibly();
        }
    }

    /** Like {@link #FOREIGN}, but opens 40 connections that say nothing, and keeps them open for 20 s. */
    private static final String SILENT = FOREIGN.substring(0, FOREIGN.indexOf("        try:\n            s = socket"))
            + "        socks = [socket.create_connection(('127.0.0.1', int(cmd[-2]))) for _ in range(40)]\n"
            + "        print('connected', len(socks), flush=True)\n"
            + "        os.kill(int(pid), signal.SIGCONT)\n"
            + "        time.sleep(20)\n"
            + "        sys.exit(0)\n";

    @Test
    void connectionsThatSayNothingDoNotKeepTheWorkersOut() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")) && Python.available(), "needs /proc and python3");
        Process silent = Python.start(SILENT, String.valueOf(ProcessHandle.current().pid()), "-");
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(silent.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("scanning", out.readLine());
        Pool p = null;
        try {
            // 40 silent connections ahead of the worker's: handled one after another, 2 s each, they
            // would keep it out for 80 s; a generous bound, not a timing measurement
            long start = System.nanoTime();
            p = new Pool(1);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals("connected 40", out.readLine());
            assertTrue(seconds < 30, "the pool took " + seconds + " s to start behind 40 silent connections");
            assertEquals(6, p.applyAsync(() -> 2 * 3).get(30, TimeUnit.SECONDS));
            p.close();
            p.join();
        } finally {
            if (p != null) p.terminate();
            silent.destroyForcibly();
        }
    }

    record Point(int x, int y) implements Serializable {}

    private static Object nested(int depth) {
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            List<Object> outer = new ArrayList<>();
            outer.add(l);
            l = outer;
        }
        return l;
    }

    @Test
    void aResultThatIsNotAllowedOrNestsTooDeepFailsItsTaskAndThePoolGoesOn() {
        Pool p = new Pool(1);
        try {
            AsyncResult<Object> url = p.applyAsync(() -> URI.create("http://127.0.0.1/").toURL());
            AsyncResult<Object> deep = p.applyAsync(() -> nested(50));
            AsyncResult<Object> fine = p.applyAsync(() -> List.of(new Point(1, 2), java.time.LocalDate.of(2024, 1, 31), nested(5)));
            TaskFailedException e = assertThrows(TaskFailedException.class, url::get);
            assertTrue(e.getMessage().contains("refused by the deserialization filter: class java.net.URL is not allowed"), e.getMessage());
            e = assertThrows(TaskFailedException.class, deep::get);
            assertTrue(e.getMessage().contains("refused by the deserialization filter: it nests deeper than 20 levels"), e.getMessage());
            assertEquals(List.of(new Point(1, 2), java.time.LocalDate.of(2024, 1, 31), nested(5)), fine.get());
            p.close();
            p.join();
        } finally {
            p.terminate();
        }
    }
}
