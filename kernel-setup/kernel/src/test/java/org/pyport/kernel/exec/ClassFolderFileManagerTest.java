package org.pyport.kernel.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFolderFileManagerTest {

    @TempDir
    Path tmp;

    private static String path(String... entries) {
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void theNotebooksEntriesComeFirstThenTheFolderInPlaceOfTheJvmsJars() {
        Path a = tmp.resolve("a.jar");
        Path b = tmp.resolve("b.jar");
        Path folder = tmp.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ClassFolderFileManager fm = new ClassFolderFileManager(javac.getStandardFileManager(null, null, null),
                folder, Set.of(a, b));
        assertEquals(path("/x/user.jar", "/x/other", folder.toString()),
                fm.rewrite(path(a.toString(), tmp + "/./b.jar", "/x/user.jar", "/x/other", a.toString())));
        assertEquals(path("/x/user.jar"), fm.rewrite(path("/x/user.jar", "")));
        // without a folder the JVM's jars stay, after the notebook's
        ClassFolderFileManager jars = new ClassFolderFileManager(javac.getStandardFileManager(null, null, null),
                null, Set.of(a, b));
        assertEquals(path("/x/user.jar", a.toString(), b.toString()), jars.rewrite(path(a.toString(), b.toString(), "/x/user.jar")));
    }

    @Test
    void cellsCompileAgainstTheFolder() throws Exception {
        // a class only in the folder: cells see it at compile time (at run time the kernel's jars hold it)
        Path src = Files.writeString(Files.createDirectories(tmp.resolve("src/p")).resolve("OnlyInFolder.java"),
                "package p; public class OnlyInFolder { public static int answer() { return 42; } }");
        Path folder = Files.createDirectories(tmp.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", folder.toString(), src.toString()));
        Path cells = Files.createDirectories(tmp.resolve("cells"));
        List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        try (JShellEvaluator withFolder = new JShellEvaluator(classpath, cells, () -> 1, List.of(), List.of(), folder)) {
            withFolder.eval("int f() { return p.OnlyInFolder.answer(); }", 0);
            assertTrue(withFolder.shell().methods().anyMatch(m -> m.name().equals("f")));
        }
        try (JShellEvaluator withoutFolder = new JShellEvaluator(classpath, cells, () -> 1, List.of())) {
            assertThrows(CellError.class, () -> withoutFolder.eval("int f() { return p.OnlyInFolder.answer(); }", 0));
        }
    }
}
