package org.pyport.kernel.magic;

import org.pyport.kernel.PyportKernel;
import org.pyport.kernel.exec.CellError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code %maven group:artifact:version...} adds artifacts and their runtime dependencies to the class path.
 * Resolution is Maven's own ({@code mvn dependency:copy-dependencies} on a generated pom), so it uses the local
 * repository (~/.m2) first and Maven Central for what is missing, with the user's Maven settings.
 * The jars are copied to a folder that lives as long as the kernel.
 */
public final class MavenMagic implements KernelMagic {

    /** The dependency plugin version the project pins (see the parent pom). */
    private static final String PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies";

    private final Path jarsRoot;

    /** @param jarsRoot folder under which resolved jars are kept (deleted with the kernel's temp files) */
    public MavenMagic(Path jarsRoot) {
        this.jarsRoot = jarsRoot;
    }

    @Override
    public Object run(PyportKernel kernel, MagicCall call) throws Exception {
        List<String> args = call.args();
        if (args.isEmpty()) {
            throw usage("no artifact given");
        }
        StringBuilder deps = new StringBuilder();
        for (String coordinate : args) {
            String[] parts = coordinate.split(":");
            if (parts.length < 3 || parts.length > 5 || Stream.of(parts).anyMatch(String::isBlank)) {
                throw usage("not group:artifact:version: " + coordinate);
            }
            String version = parts[parts.length - 1];
            deps.append("<dependency><groupId>").append(xml(parts[0])).append("</groupId><artifactId>")
                    .append(xml(parts[1])).append("</artifactId><version>").append(xml(version)).append("</version>");
            if (parts.length >= 4) {
                deps.append("<type>").append(xml(parts[2])).append("</type>");
            }
            if (parts.length == 5) {
                deps.append("<classifier>").append(xml(parts[3])).append("</classifier>");
            }
            deps.append("</dependency>");
        }
        Files.createDirectories(jarsRoot);
        Path work = Files.createTempDirectory(jarsRoot, "maven");
        Path out = work.resolve("jars");
        Files.writeString(work.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<modelVersion>4.0.0</modelVersion><groupId>pyport.notebook</groupId><artifactId>maven-magic</artifactId>"
                + "<version>0</version><packaging>pom</packaging><dependencies>" + deps + "</dependencies></project>",
                StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("mvn", "-q", "-B", "-f", work.resolve("pom.xml").toString(), PLUGIN,
                "-DoutputDirectory=" + out, "-DincludeScope=runtime")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        if (status != 0) {
            List<String> lines = new ArrayList<>(List.of("%maven: resolution failed (mvn exited with " + status + "):"));
            log.lines().filter(l -> l.contains("ERROR")).limit(10).forEach(lines::add);
            throw new CellError("MavenError", "cannot resolve " + String.join(" ", args), lines);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted(Comparator.naturalOrder())
                    .collect(Collectors.toList());
        }
        for (Path jar : jars) {
            kernel.addToClasspath(jar.toString());
        }
        System.out.println("Added " + jars.size() + " jar(s): "
                + jars.stream().map(j -> j.getFileName().toString()).collect(Collectors.joining(", ")));
        return null;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static CellError usage(String problem) {
        return new CellError("UsageError", problem, List.of("Usage: %maven group:artifact:version ...", problem));
    }

}
