package org.pyport.kernel;

import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.pyport.kernel.exec.JShellEvaluator;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Answers inspect, complete and is_complete requests with JShell's source analysis. */
final class CodeAssist {

    private final Supplier<JShellEvaluator> evaluator;

    /** @param evaluator the shell, waited for when a request comes before JShell started */
    CodeAssist(Supplier<JShellEvaluator> evaluator) {
        this.evaluator = evaluator;
    }

    /** @return the documentation of the method or class at {@code at} (its overloads for a method name), or null */
    DisplayData inspect(String code, int at) {
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int paren = end;
        while (paren < code.length() && Character.isWhitespace(code.charAt(paren))) {
            paren++;
        }
        if (paren < code.length() && code.charAt(paren) == '(') {
            end = paren + 1;
        }
        SourceCodeAnalysis analysis = evaluator.get().shell().sourceCodeAnalysis();
        String head = code.substring(0, end);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(head, end, true);
        if ((docs == null || docs.isEmpty()) && !head.endsWith("(")) {
            // a method name without its parenthesis: document its overloads
            docs = analysis.documentation(head + "(", end + 1, true);
        }
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        String text = docs.stream()
                .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + JavadocText.plain(d.javadoc()))
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    /** @return completions at {@code at}, those matching the expected type first, or null */
    ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                evaluator.get().shell().sourceCodeAnalysis().completionSuggestions(code, at, anchor);
        if (suggestions == null || suggestions.isEmpty()) {
            return null;
        }
        List<String> options = suggestions.stream()
                .sorted(Comparator.comparing((SourceCodeAnalysis.Suggestion s) -> !s.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, anchor[0], at);
    }

    /** @return JJava's is_complete answer: complete, invalid, or "" (incomplete, no indent) */
    String isComplete(String code) {
        if (CellParser.cellMagic(code) != null) {
            return BaseKernel.IS_COMPLETE_YES;
        }
        String java = CellParser.parts(code).stream().filter(p -> !p.isMagic()).map(CellParser.Part::code)
                .collect(Collectors.joining());
        String status = evaluator.get().isComplete(java);
        return "incomplete".equals(status) ? "" : status;
    }
}
