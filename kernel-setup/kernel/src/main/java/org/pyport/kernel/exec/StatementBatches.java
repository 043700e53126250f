package org.pyport.kernel.exec;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.io.IOException;

/**
 * Groups a cell's consecutive plain statements ({@code big++;}, {@code list.add(x);}, loops, ifs...) into blocks, so
 * that JShell compiles each group in one javac run instead of one run per statement (about 12 ms each: a pasted cell of
 * 20,000 statements took longer than 15 minutes). Declarations (variables, methods, classes, imports) stay snippets of
 * their own, so later cells still see them, and so does the cell's last snippet (its value is shown). Which snippets
 * are plain statements is decided by javac's parser (no attribution, a fraction of a millisecond each); a group that
 * then fails to compile is run again one statement at a time by the evaluator, so errors and the statements that ran
 * before one are as without grouping.
 */
final class StatementBatches {

    /** Statements per group at most: a method's bytecode is limited to 64 KB. */
    static final int MAX_STATEMENTS = 200;
    /** Characters per group at most (the same limit, for long statements). */
    static final int MAX_CHARS = 12_000;

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    /** A snippet of the cell, and where it starts (0-based cell line). */
    record Snippet(String source, int line) {
    }

    /** What to evaluate: one snippet, or a group of statements as a block whose first line is {@code line}. */
    record Unit(String source, int line, List<Snippet> statements) {
        boolean isGroup() {
            return statements.size() > 1;
        }
    }

    private StatementBatches() {
    }

    /**
     * @param snippets the cell's snippets, in order
     * @return them, with runs of plain statements (the last snippet excepted) grouped into blocks
     */
    static List<Unit> group(List<Snippet> snippets) {
        List<Unit> units = new ArrayList<>();
        Set<Integer> plain = snippets.size() > 2 ? plainStatements(snippets.subList(0, snippets.size() - 1)) : Set.of();
        List<Snippet> run = new ArrayList<>();
        int chars = 0;
        for (int i = 0; i < snippets.size(); i++) {
            Snippet s = snippets.get(i);
            boolean joins = plain.contains(i) && run.size() < MAX_STATEMENTS && chars + s.source().length() < MAX_CHARS;
            if (!joins) {
                flush(run, units);
                chars = 0;
            }
            if (plain.contains(i)) {
                run.add(s);
                chars += s.source().length();
            } else {
                units.add(new Unit(s.source(), s.line(), List.of(s)));
            }
        }
        flush(run, units);
        return units;
    }

    private static void flush(List<Snippet> run, List<Unit> units) {
        if (run.size() == 1) {
            units.add(new Unit(run.get(0).source(), run.get(0).line(), List.of(run.get(0))));
        } else if (!run.isEmpty()) {
            // "{" on a line of its own: the block's line 2 is the first statement's line, as JShell maps frames
            StringBuilder block = new StringBuilder("{\n");
            int line = run.get(0).line();
            for (Snippet s : run) {
                while (line < s.line()) {
                    block.append('\n'); // keep the cell's line numbers
                    line++;
                }
                block.append(s.source());
                line += (int) s.source().chars().filter(c -> c == '\n').count();
            }
            units.add(new Unit(block.append("\n}").toString(), run.get(0).line() - 1, List.copyOf(run)));
        }
        run.clear();
    }

    /** @return the indexes of the snippets that are single statements and not declarations */
    static Set<Integer> plainStatements(List<Snippet> snippets) {
        List<JavaFileObject> units = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String wrapped = "class S" + i + " { void m() {\n" + snippets.get(i).source() + "\n} }";
            units.add(new SimpleJavaFileObject(URI.create("string:///S" + i + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return wrapped;
                }
            });
        }
        Set<Integer> plain = new HashSet<>();
        if (JAVAC == null) {
            return plain;
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) JAVAC.getTask(null, null, diagnostics, List.of("-proc:none"), null, units);
        Set<String> broken = new HashSet<>();
        Iterable<? extends CompilationUnitTree> trees;
        try {
            trees = task.parse();
        } catch (IOException | RuntimeException e) {
            return plain; // nothing is grouped: every snippet runs on its own, as JShell would
        }
        diagnostics.getDiagnostics().forEach(d -> {
            if (d.getSource() != null) {
                broken.add(d.getSource().getName());
            }
        });
        int i = 0;
        for (CompilationUnitTree tree : trees) {
            if (!broken.contains(units.get(i).getName()) && isPlainStatement(tree)) {
                plain.add(i);
            }
            i++;
        }
        return plain;
    }

    private static boolean isPlainStatement(CompilationUnitTree unit) {
        if (unit.getTypeDecls().size() != 1 || !(unit.getTypeDecls().get(0) instanceof ClassTree type)
                || type.getMembers().size() != 1 || !(type.getMembers().get(0) instanceof MethodTree method)) {
            return false;
        }
        BlockTree body = method.getBody();
        if (body == null || body.getStatements().size() != 1) {
            return false;
        }
        StatementTree statement = body.getStatements().get(0);
        return !(statement instanceof VariableTree) && !(statement instanceof ClassTree)
                && statement.getKind() != Tree.Kind.EMPTY_STATEMENT;
    }
}
