package org.pyport.kernel.magic;

import org.pyport.kernel.exec.CellError;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.SAXException;

/**
 * IJava's {@code %%loadFromPOM [SCOPE]...} (the cell is a pom, or pieces of one: {@code <dependency>} and
 * {@code <repository>} elements, their {@code <dependencies>}/{@code <repositories>} lists, {@code <properties>})
 * and {@code %loadFromPOM PATH [SCOPE]...} (a pom file): adds the dependencies to the class path, with Maven's
 * resolution. Scopes: {@code runtime} (default), {@code compile}, {@code provided}, {@code test}. {@code -v} shows
 * Maven's output. The value is the list of jars added.
 */
public final class PomMagic implements KernelMagic {

    private static final List<String> SCOPES = List.of("compile", "runtime", "provided", "test", "system");

    private final MavenResolver resolver;

    /** @param resolver resolves with Maven, with the notebook's repositories */
    public PomMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Object run(MagicHost kernel, MagicCall call) throws Exception {
        List<String> args = new ArrayList<>(call.args());
        boolean verbose = args.remove("-v") | args.remove("--verbose");
        String pom;
        if (call.isCell()) {
            pom = complete(call.body());
        } else {
            if (args.isEmpty()) {
                throw usage("no pom file given");
            }
            Path file = Paths.get(args.remove(0)).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new CellError("FileNotFound", "no file " + file, List.of("%loadFromPOM: no file " + file));
            }
            pom = Files.readString(file, StandardCharsets.UTF_8);
        }
        String scope = "runtime";
        for (String s : args) {
            if (!SCOPES.contains(s)) {
                throw usage("unknown scope " + s);
            }
            if (SCOPES.indexOf(s) > SCOPES.indexOf(scope) || s.equals("compile") && scope.equals("runtime")) {
                scope = s.equals("compile") ? "runtime" : s; // runtime includes compile
            }
        }
        MavenResolver.Result result = resolver.resolve(pom, scope, verbose);
        if (!result.ok()) {
            throw MavenResolver.failure("%loadFromPOM", result);
        }
        return MavenMagic.addAll(kernel, result.jars());
    }

    /**
     * @param partial a pom or pieces of one
     * @return a complete pom holding them, and the repositories added with {@code %mavenRepo}
     */
    String complete(String partial) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document in;
        try {
            in = factory.newDocumentBuilder().parse(new InputSource(new StringReader("<pieces>" + partial + "</pieces>")));
        } catch (SAXException e) {
            throw new CellError("PomError", "not a pom: " + e.getMessage(), List.of("%%loadFromPOM: the cell is not "
                    + "a pom nor pieces of one: " + e.getMessage()));
        }
        List<Element> pieces = elements(in.getDocumentElement());
        if (pieces.size() == 1 && pieces.get(0).getTagName().equals("project")) {
            return partial;
        }
        Document pom = factory.newDocumentBuilder().newDocument();
        Element project = (Element) pom.appendChild(pom.createElement("project"));
        for (String[] field : new String[][] {{"modelVersion", "4.0.0"}, {"groupId", "pyport.notebook"},
                {"artifactId", "load-from-pom"}, {"version", "0"}, {"packaging", "pom"}}) {
            project.appendChild(pom.createElement(field[0])).setTextContent(field[1]);
        }
        Element dependencies = pom.createElement("dependencies");
        Element repositories = (Element) pom.importNode(factory.newDocumentBuilder().parse(new InputSource(
                new StringReader(resolver.repositoriesXml(List.of())))).getDocumentElement(), true);
        for (Element piece : pieces) {
            switch (piece.getTagName()) {
                case "dependency" -> dependencies.appendChild(pom.importNode(piece, true));
                case "repository" -> repositories.appendChild(pom.importNode(piece, true));
                case "dependencies" -> elements(piece).forEach(d -> dependencies.appendChild(pom.importNode(d, true)));
                case "repositories" -> elements(piece).forEach(r -> repositories.appendChild(pom.importNode(r, true)));
                case "properties", "dependencyManagement" -> project.appendChild(pom.importNode(piece, true));
                default -> throw usage("<" + piece.getTagName() + "> is not a piece of a pom this magic takes "
                        + "(dependency, repository, their lists, properties, dependencyManagement)");
            }
        }
        project.appendChild(repositories);
        project.appendChild(dependencies);
        StringWriter out = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.transform(new DOMSource(pom), new StreamResult(out));
        return out.toString();
    }

    private static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) children.item(i));
            }
        }
        return out;
    }

    private static CellError usage(String problem) {
        return new CellError("UsageError", problem, List.of("Usage: %%loadFromPOM [-v] [SCOPE]... (the cell: a pom "
                + "or its <dependency> elements)   or   %loadFromPOM [-v] PATH [SCOPE]...", problem));
    }
}
