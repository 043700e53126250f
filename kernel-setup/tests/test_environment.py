"""The kernel's process environment: TMPDIR becomes the JVM's java.io.tmpdir."""
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
