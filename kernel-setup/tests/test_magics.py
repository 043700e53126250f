"""IJava's class path magics over the protocol: %classpath (a class folder), %jars (a jar, a folder of jars,
globs) and %maven (an artifact from the local Maven repository, with its dependencies)."""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from jupyter_client.kernelspec import KernelSpecManager

import kernel_client as k

GREETER = 'package demo%s; public class Greeter { public static String hi() { return "hi from %s"; } }'


def kernel_jdk_bin():
    """The bin folder of the JDK the installed kernel runs on (its kernel.json names it)."""
    spec = KernelSpecManager().get_kernel_spec("java")
    java = next(a for a in spec.argv if a.endswith("/java"))
    return pathlib.Path(java).parent


class MagicsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="pyport-magics-"))
        cls.addClassCleanup(shutil.rmtree, cls.work, True)  # also when set-up fails half-way
        javac = kernel_jdk_bin() / "javac"
        for name in ("folder", "jar", "glob"):
            src = cls.work / "src" / name / "Greeter.java"
            src.parent.mkdir(parents=True)
            src.write_text(GREETER % (name, name))
            out = cls.work / "classes" / name
            subprocess.run([str(javac), "-d", str(out), str(src)], check=True)
        for name, jar in (("jar", cls.work / "one.jar"), ("glob", cls.work / "libs" / "two.jar")):
            jar.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(jar, "w") as z:
                z.write(cls.work / "classes" / name / f"demo{name}" / "Greeter.class",
                        f"demo{name}/Greeter.class")
        cls.km, cls.kc = k.start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def value(self, code):
        reply, outputs = k.run(self.kc, code, timeout=300)
        self.assertEqual(reply["status"], "ok", outputs)
        results = [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"]
        return results[-1] if results else None

    def test_classpath_adds_a_class_folder(self):
        self.value(f'%classpath {self.work / "classes" / "folder"}')
        self.assertEqual(self.value("demofolder.Greeter.hi()"), 'hi from folder')

    def test_jars_adds_a_jar_and_globs(self):
        self.value(f'%jars {self.work / "one.jar"}')
        self.assertEqual(self.value("demojar.Greeter.hi()"), 'hi from jar')
        self.value(f'%jars {self.work / "libs"}/*.jar')
        self.assertEqual(self.value("demoglob.Greeter.hi()"), 'hi from glob')

    def test_jars_that_match_nothing_is_a_clear_error(self):
        reply, outputs = k.run(self.kc, f'%jars {self.work / "nothing"}/*.jar')
        self.assertEqual(reply["status"], "error")
        self.assertIn("nothing matches", reply["evalue"])

    def test_maven_resolves_from_the_local_repository(self):
        # JMH is a test dependency of the library: in ~/.m2 after any build, never on the kernel's class path
        reply, _ = k.run(self.kc, "Class.forName(\"org.openjdk.jmh.annotations.Mode\")")
        self.assertEqual(reply["status"], "error", "JMH must not be on the class path before %maven")
        self.value("%maven org.openjdk.jmh:jmh-core:1.37")
        self.assertEqual(self.value("org.openjdk.jmh.annotations.Mode.AverageTime.shortLabel()"), 'avgt')
        # and its dependencies came along (jopt-simple is one of jmh-core's)
        self.assertEqual(self.value("joptsimple.OptionParser.class.getSimpleName()"), 'OptionParser')


if __name__ == "__main__":
    unittest.main()
