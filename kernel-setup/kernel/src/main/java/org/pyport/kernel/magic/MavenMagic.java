package org.pyport.kernel.magic;

import org.pyport.kernel.exec.CellError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code %maven [-v] [--from REPO]... group:artifact:version...} (IJava's aliases {@code %addMavenDependency} and
 * {@code %addMavenDependencies} too) adds artifacts and their runtime dependencies to the class path. Coordinates are
 * {@code g:a:v}, {@code g:a:type:v} or {@code g:a:type:classifier:v} (IJava's Ivy form {@code g#a;v} is read too);
 * an artifact that is a pom (a "bill of materials" such as {@code tribuo-all}) brings its dependencies.
 * {@code --from} names a repository added with {@code %mavenRepo}, or a url; {@code -v} shows Maven's output.
 * The value is the list of jars added.
 */
public final class MavenMagic implements KernelMagic {

    private final MavenResolver resolver;

    /** @param resolver resolves with Maven, with the notebook's repositories */
    public MavenMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    /** A requested artifact. */
    private record Coordinate(String group, String artifact, String type, String classifier, String version) {
        String xml(String typeOverride) {
            String t = typeOverride != null ? typeOverride : type;
            return "<dependency><groupId>" + MavenResolver.xml(group) + "</groupId><artifactId>" + MavenResolver.xml(artifact)
                    + "</artifactId><version>" + MavenResolver.xml(version) + "</version>"
                    + (t == null ? "" : "<type>" + MavenResolver.xml(t) + "</type>")
                    + (classifier == null ? "" : "<classifier>" + MavenResolver.xml(classifier) + "</classifier>")
                    + "</dependency>";
        }

        /** @return true if Maven said it has no jar of this artifact (it may be a pom) */
        boolean missingJar(String log) {
            return type == null && log.contains("Could not find artifact " + group + ":" + artifact + ":jar:" + version);
        }
    }

    @Override
    public Object run(MagicHost kernel, MagicCall call) throws Exception {
        boolean verbose = false;
        List<String> from = new ArrayList<>();
        List<Coordinate> coordinates = new ArrayList<>();
        List<String> args = call.args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-v") || arg.equals("--verbose")) {
                verbose = true;
            } else if (arg.equals("--from") && i + 1 < args.size()) {
                from.add(resolver.repositoryUrl(args.get(++i)));
            } else if (arg.startsWith("--from=")) {
                from.add(resolver.repositoryUrl(arg.substring("--from=".length())));
            } else if (arg.startsWith("-")) {
                throw usage("unknown option " + arg);
            } else {
                coordinates.add(parse(arg));
            }
        }
        if (coordinates.isEmpty()) {
            throw usage("no artifact given");
        }
        Set<Coordinate> asPom = new LinkedHashSet<>();
        MavenResolver.Result result = resolver.resolve(pom(coordinates, asPom, from), "runtime", verbose);
        if (!result.ok()) {
            // an artifact without a jar may be a pom: its dependencies are what is wanted
            for (Coordinate c : coordinates) {
                if (c.missingJar(result.log())) {
                    asPom.add(c);
                }
            }
            if (!asPom.isEmpty()) {
                result = resolver.resolve(pom(coordinates, asPom, from), "runtime", verbose);
            }
        }
        if (!result.ok()) {
            throw MavenResolver.failure("%maven " + String.join(" ", args), result);
        }
        return addAll(kernel, result.jars());
    }

    private String pom(List<Coordinate> coordinates, Set<Coordinate> asPom, List<String> from) {
        return resolver.pom(coordinates.stream().map(c -> c.xml(asPom.contains(c) ? "pom" : null))
                .collect(Collectors.joining()), from);
    }

    /**
     * Adds resolved jars to the class path and says which.
     *
     * @return their paths
     */
    static List<String> addAll(MagicHost kernel, List<Path> jars) {
        List<String> added = jars.stream().map(Path::toString).collect(Collectors.toList());
        kernel.addToClasspath(added);
        System.out.println("Added " + jars.size() + " jar(s): "
                + jars.stream().map(j -> j.getFileName().toString()).collect(Collectors.joining(", ")));
        return added;
    }

    private static Coordinate parse(String coordinate) {
        String c = coordinate;
        if (c.contains("#")) {
            // IJava's Ivy form group#artifact;version
            c = c.replace('#', ':').replace(';', ':');
        }
        String[] parts = c.split(":");
        if (parts.length < 3 || parts.length > 5 || Stream.of(parts).anyMatch(String::isBlank)) {
            throw usage("not group:artifact:version: " + coordinate);
        }
        return new Coordinate(parts[0], parts[1], parts.length >= 4 ? parts[2] : null,
                parts.length == 5 ? parts[3] : null, parts[parts.length - 1]);
    }

    private static CellError usage(String problem) {
        return new CellError("UsageError", problem,
                List.of("Usage: %maven [-v] [--from REPO_ID_OR_URL]... group:artifact:version ...", problem));
    }
}
