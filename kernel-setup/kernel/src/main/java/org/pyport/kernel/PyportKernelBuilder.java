package org.pyport.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.pyport.kernel.magic.ClasspathMagic;
import org.pyport.kernel.magic.LoadMagic;
import org.pyport.kernel.magic.MagicRegistry;
import org.pyport.kernel.magic.MavenMagic;
import org.pyport.kernel.magic.MavenRepoMagic;
import org.pyport.kernel.magic.MavenResolver;
import org.pyport.kernel.magic.PomMagic;
import org.pyport.kernel.magic.PythonMagic;
import org.pyport.kernel.magic.TimeMagics;

import java.util.List;
import java.util.Objects;
import java.nio.charset.Charset;

/** Builds the kernel with its magics registered. */
public final class PyportKernelBuilder extends BaseKernelBuilder<PyportKernelBuilder, PyportKernel> {

    private final PythonMagic python = new PythonMagic();
    private final MagicRegistry magics = new MagicRegistry();
    private KernelSettings settings;
    private ShellStart start;

    PyportKernelBuilder() {
        name("pyport");
        String version = PyportKernelBuilder.class.getPackage().getImplementationVersion();
        version(version == null ? "0.1.0" : version);
        magics.cell("python", python);
        magics.line("classpath", new ClasspathMagic(false));
        magics.line("jars", new ClasspathMagic(true));
        // resolved jars live in the cell class folder's sibling, removed at shutdown with the kernel's temp files
        MavenResolver maven = new MavenResolver(PyportKernel.mavenFolder());
        MavenMagic dependencies = new MavenMagic(maven);
        for (String name : List.of("maven", "addMavenDependency", "addMavenDependencies")) {
            magics.line(name, dependencies);
        }
        magics.line("mavenRepo", new MavenRepoMagic(maven)).line("addMavenRepo", new MavenRepoMagic(maven));
        magics.line("loadFromPOM", new PomMagic(maven)).cell("loadFromPOM", new PomMagic(maven));
        magics.line("load", new LoadMagic());
        magics.line("time", TimeMagics.TIME).cell("time", TimeMagics.TIME);
        magics.line("timeit", TimeMagics.TIMEIT).cell("timeit", TimeMagics.TIMEIT);
    }

    /**
     * @param settings class path, compiler options and start-up scripts; by default read from the environment
     *                 ({@link KernelSettings#fromEnvironment})
     * @return this
     * @throws IllegalStateException if JShell already started (see {@link #startShell()})
     */
    public PyportKernelBuilder settings(KernelSettings settings) {
        if (start != null) {
            throw new IllegalStateException("JShell already started: give the settings before startShell()/build()");
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Starts JShell now (once), so it overlaps whatever happens before {@link #build()}. */
    ShellStart startShell() {
        if (start == null) {
            start = new ShellStart(settings != null ? settings : KernelSettings.fromEnvironment(System.getenv()));
        }
        return start;
    }

    @Override
    protected MagicRegistry buildMagicsRegistry() {
        return magics;
    }

    @Override
    protected CellIO buildJupyterIO(Charset encoding) {
        return new CellIO(encoding);
    }

    @Override
    public PyportKernel build() {
        LanguageInfo info = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
        return new PyportKernel(buildName(), buildVersion(), info, buildJupyterIO(buildJupyterIOEncoding()),
                buildCommManager(), buildRenderer(), buildMagicsRegistry(), buildErrorStyler(), python,
                new CellHistory(), startShell());
    }
}
