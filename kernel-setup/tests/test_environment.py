"""The kernel's process environment: TMPDIR becomes the JVM's java.io.tmpdir; JJava's JVM options and extensions."""
import os
import tempfile
import unittest

import kernel_client as k


class TmpdirTest(unittest.TestCase):

    def run_with_tmpdir(self, tmpdir):
        env = dict(os.environ, TMPDIR=tmpdir)
        km, kc = k.start(env=env)
        try:
            _, out = k.run(kc, 'System.out.println(System.getProperty("java.io.tmpdir"));\n'
                               'System.out.println(System.getProperty("pyport.cellClassDir"));\n'
                               'Path made = Files.createTempFile("probe", ".txt");\n'
                               'System.out.println(made.getParent());\n'
                               'Files.delete(made);')
            return k.stdout_of(out).splitlines()
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)

    def test_tmpdir_is_java_io_tmpdir(self):
        with tempfile.TemporaryDirectory(prefix="pyport-tmpdir-test") as tmp:
            tmpdir, cell_dir, made_in = self.run_with_tmpdir(tmp)
            self.assertEqual(tmpdir, tmp)
            self.assertEqual(os.path.dirname(cell_dir), tmp)  # the kernel's own temp folder is there too
            self.assertEqual(made_in, tmp)
            self.assertEqual(os.listdir(tmp), [])  # and removed at shutdown

    def test_tmpdir_that_is_no_folder_is_ignored(self):
        with tempfile.TemporaryDirectory() as tmp:
            missing = os.path.join(tmp, "missing")
            tmpdir, _, _ = self.run_with_tmpdir(missing)
            self.assertNotEqual(tmpdir, missing)
            self.assertTrue(os.path.isdir(tmpdir))


if __name__ == "__main__":
    unittest.main()


EXTENSION = """package demoext;
public class Hello implements org.dflib.jjava.jupyter.Extension {
    @Override
    public void install(org.dflib.jjava.jupyter.kernel.BaseKernel kernel) {
        kernel.getMagicsRegistry().registerLineMagic("hello",
            (org.dflib.jjava.jupyter.kernel.magic.LineMagic<String, org.dflib.jjava.jupyter.kernel.BaseKernel>)
                (k, args) -> { System.out.println("hello " + String.join(" ", args)); return null; });
    }
}
"""


class JJavaEnvironmentTest(unittest.TestCase):
    """JJava's JJAVA_JVM_OPTS and its Extension SPI (with JJAVA_LOAD_EXTENSIONS to turn it off)."""

    @classmethod
    def setUpClass(cls):
        import pathlib, shutil, subprocess, zipfile
        from jupyter_client.kernelspec import KernelSpecManager
        from test_magics import kernel_jdk_bin
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="pyport-ext-"))
        cls.addClassCleanup(shutil.rmtree, cls.work, True)
        spec = pathlib.Path(KernelSpecManager().get_kernel_spec("java").resource_dir)
        jjava = next((spec / "jars").glob("jjava-jupyter-*.jar"))
        src = cls.work / "demoext" / "Hello.java"
        src.parent.mkdir()
        src.write_text(EXTENSION)
        subprocess.run([str(kernel_jdk_bin() / "javac"), "--release", "17", "-cp", str(jjava), "-d",
                        str(cls.work / "classes"), str(src)], check=True)
        cls.jar = cls.work / "hello-ext-1.0.jar"
        with zipfile.ZipFile(cls.jar, "w") as z:
            z.write(cls.work / "classes" / "demoext" / "Hello.class", "demoext/Hello.class")
            z.writestr("META-INF/services/org.dflib.jjava.jupyter.Extension", "demoext.Hello\n")

    def session(self, env, cells):
        km, kc = k.start(env=dict(os.environ, **env))
        try:
            return [k.run(kc, cell) for cell in cells]
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)

    def test_jvm_options_reach_the_kernels_jvm(self):
        (_, out), = self.session({"JJAVA_JVM_OPTS": "-Dpyport.probe=jjava -Dpyport.other=2"},
                                 ['System.out.print(System.getProperty("pyport.probe") + System.getProperty("pyport.other"));'])
        self.assertEqual(k.stdout_of(out), "jjava2")

    def test_an_extension_on_the_class_path_is_installed(self):
        (_, _), (reply, out) = self.session({}, [f"%jars {self.jar}", "%hello world"])
        self.assertEqual((reply["status"], k.stdout_of(out)), ("ok", "hello world\n"))
        (reply, _), = self.session({"JJAVA_CLASSPATH": str(self.jar), "JJAVA_LOAD_EXTENSIONS": "false"}, ["%hello"])
        self.assertEqual(reply["status"], "error", "JJAVA_LOAD_EXTENSIONS=false: not installed")
        (reply, out), = self.session({"JJAVA_CLASSPATH": str(self.jar)}, ["%hello env"])
        self.assertEqual((reply["status"], k.stdout_of(out)), ("ok", "hello env\n"))


class KernelOutputTest(unittest.TestCase):
    """What the kernel process itself prints, which Jupyter shows in its server log."""

    def test_a_start_prints_nothing_but_real_problems(self):
        import subprocess
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            km, kc = k.start(stdout=out, stderr=err)
            try:
                reply, _ = k.run(kc, "1 + 1")
                self.assertEqual(reply["status"], "ok")
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=False)
            out.seek(0)
            err.seek(0)
            printed = out.read().decode() + err.read().decode()
        # the JVM printed "1 compiler directives added" at every start while the directives were a JVM option
        self.assertEqual(printed, "")
