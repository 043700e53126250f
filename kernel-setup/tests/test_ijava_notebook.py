"""An IJava-style notebook (fixtures/ijava/ijava-style.ipynb) run cell by cell over the protocol, each cell's outputs
compared with those the notebook holds (what IJava shows): %load of a .jsh and of a notebook, %%loadFromPOM and
%loadFromPOM, %mavenRepo, %maven --from with a pom artifact, the %addMavenDependency alias, magics as values, IJava's
renderer registration and runtime API, printf, IJava's default imports, its display rule, classes of one cell that
refer to each other.

The Maven artifacts come from a local repository made here (file://), under a group of their own that is removed from
~/.m2 afterwards."""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest
import uuid
import zipfile

import kernel_client as k
from test_magics import kernel_jdk_bin

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "ijava"
GREETER = 'package fixture; public class Greeter { public static String hi(String who) { return "hi " + who; } }'
COUNTER = 'package fixture; public class Counter { private int n; public int next() { return ++n; } }'


def pom(group, artifact, version, packaging="jar", dependencies=()):
    deps = "".join(f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version></dependency>"
                   for g, a, v in dependencies)
    return (f'<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
            f"<groupId>{group}</groupId><artifactId>{artifact}</artifactId><version>{version}</version>"
            f"<packaging>{packaging}</packaging><dependencies>{deps}</dependencies></project>")


def outputs_of(cell_outputs):
    """(type, {mime: text}) of each output; streams as ('stream:NAME', {'text': ...}); errors with their name."""
    shown = []
    for o in cell_outputs:
        kind = o.get("output_type") or o.get("msg_type")
        if kind == "stream":
            text = o["text"] if isinstance(o["text"], str) else "".join(o["text"])
            if shown and shown[-1][0] == "stream:" + o["name"]:
                shown[-1][1]["text"] += text  # streams arrive in batches
            else:
                shown.append(("stream:" + o["name"], {"text": text}))
        elif kind == "error":
            shown.append(("error", {"ename": o["ename"], "evalue": o["evalue"]}))
        else:
            shown.append((kind, {m: v if isinstance(v, str) else "".join(v) for m, v in o["data"].items()}))
    return shown


class IJavaStyleNotebookTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="pyport-ijava-"))
        cls.addClassCleanup(shutil.rmtree, cls.work, True)
        cls.group = "org.pyport.fixture.t" + uuid.uuid4().hex[:12]
        cls.addClassCleanup(shutil.rmtree, pathlib.Path.home() / ".m2" / "repository" / cls.group.replace(".", "/"), True)
        repo = cls.work / "repo"
        javac = kernel_jdk_bin() / "javac"
        for artifact, version, source in (("greeter", "1.0", GREETER), ("counter", "2.0", COUNTER)):
            name = source.split("public class ")[1].split()[0]
            src = cls.work / "src" / artifact / f"{name}.java"
            src.parent.mkdir(parents=True)
            src.write_text(source)
            classes = cls.work / "classes" / artifact
            subprocess.run([str(javac), "-d", str(classes), str(src)], check=True)
            folder = repo / cls.group.replace(".", "/") / artifact / version
            folder.mkdir(parents=True)
            with zipfile.ZipFile(folder / f"{artifact}-{version}.jar", "w") as z:
                z.write(classes / "fixture" / f"{name}.class", f"fixture/{name}.class")
            (folder / f"{artifact}-{version}.pom").write_text(pom(cls.group, artifact, version))
        bundle = repo / cls.group.replace(".", "/") / "bundle" / "1.0"
        bundle.mkdir(parents=True)
        (bundle / "bundle-1.0.pom").write_text(pom(cls.group, "bundle", "1.0", "pom", [(cls.group, "greeter", "1.0")]))
        cls.notebook_dir = cls.work / "notebook"
        shutil.copytree(FIXTURES, cls.notebook_dir)
        for path in cls.notebook_dir.rglob("*"):
            if path.is_file() and path.suffix in (".ipynb", ".xml", ".jsh"):
                path.write_text(path.read_text().replace("@GROUP@", cls.group).replace("@REPO@", repo.as_uri()))
        cls.km, cls.kc = k.start(cwd=str(cls.notebook_dir))

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def test_every_cell_shows_what_the_notebook_holds(self):
        notebook = json.loads((self.notebook_dir / "ijava-style.ipynb").read_text())
        cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
        self.assertGreater(len(cells), 15)
        for number, cell in enumerate(cells, 1):
            source = "".join(cell["source"])
            with self.subTest(cell=number, source=source.splitlines()[0]):
                reply, got = k.run(self.kc, source, timeout=300)
                got = outputs_of([dict(c, output_type=t) for t, c in got])
                expected = outputs_of(cell["outputs"])
                self.assertEqual(reply["status"], "ok", got)
                self.assertEqual([t for t, _ in got], [t for t, _ in expected], got)
                for (_, shown), (_, wanted) in zip(got, expected):
                    for mime, text in wanted.items():
                        self.assertEqual(shown.get(mime), text, (mime, shown))


if __name__ == "__main__":
    unittest.main()
