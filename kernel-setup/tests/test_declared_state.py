"""What a notebook has declared survives the cells that make JShell compile declarations again: imports (with
comments, run again, repeated), methods and classes declared again. JShell's own engine (JDI) is the reference:
ClassRedefinitionTest compares the two; here the same over the protocol, as a notebook runs."""
import threading
import unittest

import kernel_client as k


class DeclaredStateTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = k.start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def run_ok(self, code):
        reply, outputs = k.run(self.kc, code)
        self.assertEqual(reply["status"], "ok", (code, outputs))
        return outputs

    def value(self, code):
        outputs = self.run_ok(code)
        return [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"]

    def test_an_import_cell_with_a_comment_keeps_the_variables(self):
        self.run_ok('var kept = new StringBuilder("kept");\nint count = 7;')
        self.run_ok("import java.time.Duration;\nimport org.pyport.measure.*;   // a comment\nimport org.pyport.chart.*;")
        self.assertEqual(k.stdout_of(self.run_ok('System.out.println("kept = " + kept + ", count = " + count);')),
                         "kept = kept, count = 7\n")

    def test_imports_run_again_or_repeated_differently_keep_the_variables(self):
        self.run_ok('var again = new ArrayList<String>(List.of("a", "b"));')
        imports = "// what this notebook uses\nimport java.util.*;\nimport java.io.*;\nimport java.time.*;"
        self.run_ok(imports)
        self.run_ok(imports)
        self.run_ok("import  java.time.* ;  /* the same */")
        self.run_ok("/* and once more */\nimport java.util.*;")
        self.assertEqual(self.value("again"), ["[a, b]"])

    def test_a_method_declared_again_keeps_what_was_computed_with_it(self):
        self.run_ok("int cube(int x) { return x * x; }")
        self.run_ok("int computed = cube(3);")
        self.run_ok("int cube(int x) { return x * x * x; }")
        self.assertEqual(self.value("computed + \" \" + cube(3)"), ['9 27'])

    def test_a_class_declared_again_keeps_its_objects_with_the_new_body(self):
        self.run_ok('class Greeter { String hello() { return "hi"; } }')
        self.run_ok("Greeter greeter = new Greeter();")
        self.run_ok('class Greeter { String hello() { return "hello"; } }')
        self.assertEqual(self.value("greeter.hello()"), ['hello'])

    def test_a_method_compiled_again_can_still_be_interrupted(self):
        self.run_ok("long spinForEver() { long n = 0; while (true) { n += Math.abs(1); } }")
        self.run_ok("// compiles spinForEver again\nimport java.nio.*;")
        timer = threading.Timer(1.0, self.km.interrupt_kernel)
        timer.start()
        try:
            reply, _ = k.run(self.kc, "spinForEver()", timeout=30)
        finally:
            timer.cancel()
        self.assertEqual(reply["status"], "error")
        self.assertEqual(self.value("1 + 1"), ["2"])


if __name__ == "__main__":
    unittest.main()
