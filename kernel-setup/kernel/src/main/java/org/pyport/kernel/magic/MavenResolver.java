package org.pyport.kernel.magic;

import org.pyport.kernel.exec.CellError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves dependencies with Maven itself ({@code mvn dependency:copy-dependencies} on a pom), so the local repository
 * (~/.m2) is used first, then Maven Central and the repositories a notebook added ({@code %mavenRepo}), with the user's
 * Maven settings. The jars are copied to a folder that lives as long as the kernel.
 */
public final class MavenResolver {

    /** The dependency plugin version the project pins (see the parent pom). */
    private static final String PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies";

    private final Path jarsRoot;
    /** id -> url, in the order added */
    private final Map<String, String> repositories = new LinkedHashMap<>();

    /** @param jarsRoot folder under which resolved jars are kept (deleted with the kernel's temp files) */
    public MavenResolver(Path jarsRoot) {
        this.jarsRoot = jarsRoot;
    }

    /**
     * Adds (or replaces) a repository that later resolutions use.
     *
     * @param id  its id (what {@code %maven --from} names)
     * @param url its address
     */
    public synchronized void addRepository(String id, String url) {
        repositories.put(id, url);
    }

    /** @return the repository's url for an id added earlier, or the argument itself (a url) */
    synchronized String repositoryUrl(String idOrUrl) {
        return repositories.getOrDefault(idOrUrl, idOrUrl);
    }

    /** @return the {@code <repositories>} element of the added repositories and {@code extra} urls */
    synchronized String repositoriesXml(List<String> extra) {
        StringBuilder xml = new StringBuilder("<repositories>");
        Map<String, String> all = new LinkedHashMap<>(repositories);
        for (int i = 0; i < extra.size(); i++) {
            all.putIfAbsent("from-" + (i + 1), extra.get(i));
        }
        all.forEach((id, url) -> xml.append("<repository><id>").append(xml(id)).append("</id><url>").append(xml(url))
                .append("</url></repository>"));
        return xml.append("</repositories>").toString();
    }

    /**
     * @param dependencies the {@code <dependency>} elements
     * @param extraRepos   repository urls for this resolution only
     * @return a pom that depends on them
     */
    String pom(String dependencies, List<String> extraRepos) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>pyport.notebook</groupId><artifactId>maven-magic</artifactId><version>0</version>"
                + "<packaging>pom</packaging>" + repositoriesXml(extraRepos) + "<dependencies>" + dependencies
                + "</dependencies></project>";
    }

    /** What one run of Maven gave: the jars, or its exit status and log. */
    record Result(List<Path> jars, int status, String log) {
        boolean ok() {
            return status == 0;
        }
    }

    /**
     * Runs Maven on a pom.
     *
     * @param pom     the pom's text
     * @param scope   the widest scope to include ({@code runtime}, {@code compile}, {@code test}...)
     * @param verbose true to print Maven's output into the cell
     * @return the jars it copied (sorted), or why not
     */
    Result resolve(String pom, String scope, boolean verbose) throws IOException, InterruptedException {
        Files.createDirectories(jarsRoot);
        Path work = Files.createTempDirectory(jarsRoot, "maven");
        Path out = work.resolve("jars");
        Files.writeString(work.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-f", work.resolve("pom.xml").toString(), PLUGIN,
                "-DoutputDirectory=" + out, "-DincludeScope=" + scope));
        if (!verbose) {
            command.add(1, "-q");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        if (verbose) {
            System.out.print(log);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted(Comparator.naturalOrder())
                    .collect(Collectors.toList());
        }
        return new Result(jars, status, log);
    }

    /** @return the error a failed resolution shows: Maven's own error lines */
    static CellError failure(String what, Result result) {
        List<String> lines = new ArrayList<>(List.of(what + ": resolution failed (mvn exited with " + result.status() + "):"));
        result.log().lines().filter(l -> l.contains("ERROR")).limit(10).forEach(lines::add);
        return new CellError("MavenError", "cannot resolve " + what, lines);
    }

    /** @return text escaped for XML */
    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
