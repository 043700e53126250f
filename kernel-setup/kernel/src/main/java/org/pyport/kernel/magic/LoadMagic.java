package org.pyport.kernel.magic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.pyport.kernel.exec.CellError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %load PATH}, as in IJava: runs a file of code (magics included) in the notebook, as if it were a cell. A
 * name that is not a file is looked for with the extensions {@code .jsh}, {@code .jshell}, {@code .java},
 * {@code .ijava} and {@code .ipynb}, in that order; a notebook ({@code .ipynb}) has its code cells run one after the
 * other. Relative paths are resolved against the kernel's working directory (the notebook's folder).
 */
public final class LoadMagic implements KernelMagic {

    /** The extensions tried, in order, for a name that is not a file. */
    static final List<String> EXTENSIONS = List.of(".jsh", ".jshell", ".java", ".ijava", ".ipynb");

    @Override
    public Object run(MagicHost kernel, MagicCall call) throws IOException {
        if (call.args().size() != 1) {
            throw new CellError("UsageError", "one path expected", List.of("Usage: %load PATH  (a .jsh, .jshell, "
                    + ".java or .ijava file, or a notebook .ipynb whose code cells run)"));
        }
        Path file = find(call.args().get(0));
        if (file.getFileName().toString().endsWith(".ipynb")) {
            List<String> cells = codeCells(file);
            Object value = null;
            for (int i = 0; i < cells.size(); i++) {
                value = runPart(kernel, cells.get(i), file + ", code cell " + (i + 1));
            }
            return value;
        }
        return runPart(kernel, Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    private static Object runPart(MagicHost kernel, String code, String where) {
        try {
            return kernel.evalNested(code);
        } catch (CellError e) {
            List<String> lines = new ArrayList<>();
            lines.add("%load: " + where + " failed:");
            lines.addAll(e.traceback());
            throw new CellError(e.name(), e.getMessage() + " (in " + where + ")", lines);
        }
    }

    /** @return the file {@code name} names, itself or with one of {@link #EXTENSIONS} */
    static Path find(String name) {
        Path given = Paths.get(name).toAbsolutePath().normalize();
        if (Files.isRegularFile(given)) {
            return given;
        }
        for (String extension : EXTENSIONS) {
            Path candidate = given.resolveSibling(given.getFileName() + extension);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new CellError("FileNotFound", "no file " + name, List.of("%load: no file " + given
                + " (nor with " + String.join(", ", EXTENSIONS) + ")"));
    }

    /** @return the sources of a notebook's code cells, in order */
    static List<String> codeCells(Path notebook) throws IOException {
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new CellError("NotebookError", "not a notebook: " + notebook,
                    List.of("%load: " + notebook + " is not a notebook (" + e.getMessage() + ")"));
        }
        List<String> out = new ArrayList<>();
        JsonElement cells = root.isJsonObject() ? root.getAsJsonObject().get("cells") : null;
        if (cells == null || !cells.isJsonArray()) {
            throw new CellError("NotebookError", "no cells in " + notebook, List.of("%load: no cells in " + notebook));
        }
        for (JsonElement cell : cells.getAsJsonArray()) {
            JsonObject c = cell.getAsJsonObject();
            if (!c.has("cell_type") || !"code".equals(c.get("cell_type").getAsString()) || !c.has("source")) {
                continue;
            }
            JsonElement source = c.get("source");
            StringBuilder text = new StringBuilder();
            if (source.isJsonArray()) {
                for (JsonElement line : (JsonArray) source) {
                    text.append(line.getAsString());
                }
            } else {
                text.append(source.getAsString());
            }
            out.add(text.toString());
        }
        return out;
    }
}
