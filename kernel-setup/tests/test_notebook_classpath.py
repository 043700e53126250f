"""The class path is the notebook's: the kernel's internals (JJava's protocol side, jeromq, gson...) are invisible to
cell code, and a jar the notebook adds wins over the helper library's copy of the same library, at compile time and
at run time, with a note saying what it replaced."""
import pathlib
import shutil
import subprocess
import tempfile
import unittest
import zipfile

import kernel_client as k
from test_magics import kernel_jdk_bin

# a stand-in for another version of a library the helper library ships (commons-math3, a dependency of Tablesaw)
PRECISION = ("package org.apache.commons.math3.util; public class Precision { "
             "public static String origin() { return \"the notebook's copy\"; } }")


class NotebookClasspathTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="pyport-classpath-"))
        cls.addClassCleanup(shutil.rmtree, cls.work, True)
        src = cls.work / "src" / "Precision.java"
        src.parent.mkdir(parents=True)
        src.write_text(PRECISION)
        subprocess.run([str(kernel_jdk_bin() / "javac"), "-d", str(cls.work / "classes"), str(src)], check=True)
        cls.jar = cls.work / "commons-math3-9.9.jar"
        with zipfile.ZipFile(cls.jar, "w") as z:
            z.write(cls.work / "classes/org/apache/commons/math3/util/Precision.class",
                    "org/apache/commons/math3/util/Precision.class")
        cls.km, cls.kc = k.start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def value(self, code):
        reply, outputs = k.run(self.kc, code, timeout=120)
        self.assertEqual(reply["status"], "ok", outputs)
        return [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"], k.stdout_of(outputs)

    def test_the_kernels_internals_are_invisible(self):
        for code in ("org.zeromq.ZMQ.class", "com.google.gson.Gson.class", "org.pyport.kernel.PyportKernel.class",
                     "org.dflib.jjava.jupyter.channels.JupyterConnection.class.getName()"):
            reply, _ = k.run(self.kc, code)
            self.assertEqual((code, reply["status"], reply["ename"]), (code, "error", "CompilationError"))
        reply, _ = k.run(self.kc, 'Class.forName("com.google.gson.Gson")')
        self.assertEqual(reply["ename"], "java.lang.ClassNotFoundException")
        # the notebook API is there, and so is the helper library
        self.assertEqual(self.value("org.pyport.kernel.runtime.NotebookDisplay.class.getSimpleName()")[0], ["NotebookDisplay"])
        self.assertEqual(self.value("tech.tablesaw.api.Table.create(\"t\").name()")[0], ["t"])

    def test_a_notebooks_jar_wins_over_the_helper_librarys_copy(self):
        reply, _ = k.run(self.kc, "org.apache.commons.math3.util.Precision.origin()")
        self.assertEqual(reply["status"], "error", "the helper library's commons-math3 has no origin()")
        _, note = self.value(f"%jars {self.jar}")
        self.assertRegex(note, r"Note: in place of the helper library's copies, this notebook's code now uses "
                                     r"commons-math3-9\.9\.jar \(for commons-math3-[\d.]+\.jar\)\.")
        self.assertEqual(self.value("org.apache.commons.math3.util.Precision.origin()")[0], ['the notebook\'s copy'])


if __name__ == "__main__":
    unittest.main()
