package org.pyport.kernel.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.util.ArrayList;
import com.sun.source.tree.Tree;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.pyport.kernel.runtime.NotebookDisplay;

/** What notebook code can load: the notebook's jars before the helper library's, the kernel only through its API. */
class CellClassLoaderTest {

    @TempDir
    Path tmp;

    /** A jar holding {@code demo.Which} whose {@code which()} returns {@code text}, and the classes named. */
    private Path jar(String name, String text, String... more) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src-" + name + "/demo"));
        Files.writeString(src.resolve("Which.java"),
                "package demo; public class Which { public static String which() { return \"" + text + "\"; } }");
        for (String type : more) {
            Files.writeString(src.resolve(type + ".java"), "package demo; public class " + type + " { }");
        }
        Path classes = Files.createDirectories(tmp.resolve("classes-" + name));
        try (var files = Files.list(src)) {
            List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
            files.forEach(f -> args.add(f.toString()));
            assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        }
        Path jar = tmp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.list(classes.resolve("demo"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                out.putNextEntry(new JarEntry("demo/" + f.getFileName()));
                out.write(Files.readAllBytes(f));
            }
        }
        return jar;
    }

    @Test
    void theNotebooksJarWinsOverTheLibrarysAndTheKernelIsHidden() throws Exception {
        Path libraryFolder = Files.createDirectories(tmp.resolve("lib"));
        Path library = Files.move(jar("which-2.0.jar", "library", "OnlyInLibrary"), libraryFolder.resolve("which-2.0.jar"));
        Path notebook = jar("which-1.0.jar", "notebook");
        Path kernelJar = tmp.resolve("kernel-internal.jar");
        ClassPathRoles roles = new ClassPathRoles(kernelJar + File.pathSeparator + library, libraryFolder);
        CellLoaderDelegate delegate = new CellLoaderDelegate(roles);
        // JShell hands over the JVM's class path first, then what the notebook adds
        delegate.addToClasspath(kernelJar + File.pathSeparator + library);
        delegate.addToClasspath(notebook.toString());
        ClassLoader cells = delegate.loader();
        assertEquals("notebook", cells.loadClass("demo.Which").getMethod("which").invoke(null));
        assertEquals("demo.OnlyInLibrary", cells.loadClass("demo.OnlyInLibrary").getName());
        assertEquals(notebook.toUri().toURL(), cells.loadClass("demo.Which").getProtectionDomain().getCodeSource().getLocation());
        // the kernel's API and the JDK (also its modules of the application loader) are the kernel's own classes
        assertSame(NotebookDisplay.class, cells.loadClass("org.pyport.kernel.runtime.NotebookDisplay"));
        assertSame(BaseKernel.class, cells.loadClass("org.dflib.jjava.jupyter.kernel.BaseKernel"));
        assertSame(Extension.class, cells.loadClass("org.dflib.jjava.jupyter.Extension"));
        assertSame(List.class, cells.loadClass("java.util.List"));
        assertSame(Tree.class, cells.loadClass("com.sun.source.tree.Tree"));
        // its internals and their libraries are not found
        for (String hidden : List.of("org.pyport.kernel.PyportKernel", "org.pyport.kernel.exec.JShellEvaluator",
                "com.google.gson.Gson", "org.zeromq.ZMQ", "org.dflib.jjava.jupyter.channels.JupyterConnection")) {
            assertThrows(ClassNotFoundException.class, () -> cells.loadClass(hidden), hidden);
        }
        assertNull(cells.getResource("com/google/gson/Gson.class"));
        assertEquals(ClassPathRoles.Role.KERNEL, roles.roleOf(kernelJar));
        assertEquals(library, roles.libraryCopyOf(notebook));
    }

    @Test
    void artifactNamesOfJarFiles() {
        assertEquals("slf4j-api", ClassPathRoles.artifactOf("slf4j-api-1.7.36.jar"));
        assertEquals("tablesaw-core", ClassPathRoles.artifactOf("tablesaw-core-0.38.1.jar"));
        assertEquals("guava", ClassPathRoles.artifactOf("guava-33.0.0-jre.jar"));
        assertNull(ClassPathRoles.artifactOf("classes"));
    }
}
