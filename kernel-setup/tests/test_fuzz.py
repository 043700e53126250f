"""Malformed cells cannot make the kernel deaf: after each of a few hundred seeded random cells (random bytes,
random Java tokens, unclosed strings and comments, deep nesting) the kernel still answers `1 + 1`.

PYPORT_FUZZ_SEED and PYPORT_FUZZ_CELLS change the seed (default 20) and the number of cells (default 300).
"""
import os
import queue
import random
import time
import unittest

import kernel_client as k

SEED = int(os.environ.get("PYPORT_FUZZ_SEED", "20"))
CELLS = int(os.environ.get("PYPORT_FUZZ_CELLS", "300"))

KEYWORDS = ("abstract assert boolean break byte case catch char class const continue default do double else enum "
            "extends final finally float for goto if implements import instanceof int interface long native new "
            "package private protected public return short static strictfp super switch synchronized this throw "
            "throws transient try void volatile while var record yield sealed permits non-sealed true false null").split()
OPERATORS = ("( ) { } [ ] ; , . ... @ :: = > < ! ~ ? : -> == >= <= != && || ++ -- + - * / & | ^ % << >> >>> "
             "+= -= *= /= &= |= ^= %= <<= >>= >>>=").split()
LITERALS = ["0", "1", "1L", "0x1F", "0b101", "1_000", "3.14", "1e10", "2f", "'a'", "'\\n'", '"s"', '""', "\"\\u0041\"",
            "0777", "1__2", "0x", "9999999999999999999999"]
NAMES = ["x", "y", "q", "List", "String", "System", "out", "println", "Math", "i", "$", "_", "main", "args", "T"]
NESTERS = [("(", ")"), ("{", "}"), ("[", "]"), ("new int[]{", "}"), ("List<", ">"), ("f(", ")"), ("x -> (", ")"),
           ("/*", "*/"), ("\"", "\"")]


def random_bytes(rng):
    """Printable and control characters, a few non-ASCII ones and stray backslash-u escapes."""
    pool = [chr(c) for c in range(1, 128)] + ["\u00e9", "\u4e2d", "\u200b", "\ufeff", "\\u", "\\u00", "\ud7ff", "\u2028"]
    return "".join(rng.choice(pool) for _ in range(rng.randint(1, 120)))


def random_tokens(rng):
    pool = KEYWORDS + OPERATORS + LITERALS + NAMES
    return " ".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))


def unclosed(rng):
    """An unclosed string, text block, char literal or comment, after some code and maybe before more."""
    opener = rng.choice(['"abc', '"""\nabc', "'a", "/* never closed", "/** doc", '"\\', "'\\u00", '"""', "//\n/*"])
    before = rng.choice(["", "String s = ", "int x = 1; ", "System.out.println(", "void f() { "])
    after = rng.choice(["", "\n1 + 1", "\n}", ";", "\nint y = 2;"])
    return before + opener + after


def deep_nesting(rng):
    """One construct nested hundreds to thousands of levels deep, closed or not."""
    opener, closer = rng.choice(NESTERS)
    depth = rng.choice([300, 1000, 3000, 6000])
    prefix = rng.choice(["int q = ", "Object o = ", "", "var v = "])
    closed = rng.random() < 0.7
    return prefix + opener * depth + "1" + (closer * depth if closed else "") + ";"


GENERATORS = (random_bytes, random_tokens, unclosed, deep_nesting)


def cells(seed, count):
    """The fuzz cells: the same list for the same seed. The issue's three examples come first."""
    rng = random.Random(seed)
    fixed = ["0x1F catch :: ?", "int q = " + "(" * 3000 + "1" + ")" * 3000 + ";",
             "1L 1 try { this - var extends * : > x super ? package void ,"]
    return fixed + [GENERATORS[i % len(GENERATORS)](rng) for i in range(count - len(fixed))]


class FuzzTest(k.KernelTestCase):

    def run_cell(self, code, timeout):
        """Runs code; its reply, or None if it had not finished after timeout s (random code could loop) and was
        interrupted: then once it has answered, since a request sent while it still runs would be queued behind it
        and aborted (stop_on_error, as ipykernel)."""
        msg_id = self.kc.execute(code)
        try:
            return k.shell_reply(self.kc, msg_id, timeout)["content"]
        except queue.Empty:
            self.km.interrupt_kernel()
            k.shell_reply(self.kc, msg_id, 20)
            return None

    def test_kernel_answers_after_every_malformed_cell(self):
        start = time.time()
        statuses = {}
        for n, code in enumerate(cells(SEED, CELLS)):
            reply = self.run_cell(code, 10)
            status = reply["status"] if reply else "timed out, interrupted"
            statuses[status] = statuses.get(status, 0) + 1
            try:
                reply, outputs = k.run(self.kc, "1 + 1", timeout=20)
            except Exception as e:
                self.fail(f"no answer to 1 + 1 after fuzz cell {n} (seed {SEED}): {code[:200]!r} ({type(e).__name__})")
            results = [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"]
            self.assertEqual((reply["status"], results), ("ok", ["2"]),
                             f"1 + 1 after fuzz cell {n} (seed {SEED}): {code[:200]!r}")
        print(f"\n  {CELLS} fuzz cells (seed {SEED}) in {time.time() - start:.1f} s: {statuses}")


if __name__ == "__main__":
    unittest.main()
