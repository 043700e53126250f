package org.pyport.kernel.magic;

import org.pyport.kernel.exec.CellError;
import org.pyport.kernel.exec.JShellEvaluator;
import org.pyport.kernel.runtime.MagicTiming;

import java.util.List;
import java.util.ArrayList;

/**
 * {@code %time}, {@code %%time}, {@code %timeit}, {@code %%timeit} with IPython's output formats.
 * {@code %time} runs the code as a normal cell (declarations stay) and prints CPU and wall times;
 * {@code %timeit [-n LOOPS] [-r RUNS]} runs it in a loop inside a lambda (declarations do not stay) and prints
 * mean ± standard deviation per loop. Both take Java code as written (the call's raw text, not its shell-split words).
 */
public final class TimeMagics {

    private static final String TIMING = "org.pyport.kernel.runtime.MagicTiming";

    private TimeMagics() {
    }

    /** {@code %time CODE} and {@code %%time}: the code's value, shown as without the magic. */
    public static final KernelMagic TIME = new KernelMagic() {
        @Override
        public Object run(MagicHost kernel, MagicCall call) {
            return time(kernel.evaluator(), call.isCell() ? call.body() : call.rawArgs(), call.line());
        }

        @Override
        public boolean showsValue() {
            return true;
        }
    };

    /** {@code %timeit [-n N] [-r R] CODE} and {@code %%timeit [-n N] [-r R]}: prints, has no value. */
    public static final KernelMagic TIMEIT = (kernel, call) -> {
        timeit(kernel.evaluator(), call.rawArgs(), call.body(), call.line());
        return null;
    };

    /**
     * {@code %time} / {@code %%time}.
     *
     * @param evaluator the shell
     * @param code      Java code
     * @param line      0-based cell line where the code starts
     * @return the code's value, like running it without the magic
     */
    public static Object time(JShellEvaluator evaluator, String code, int line) {
        MagicTiming.Start start = MagicTiming.start();
        Object value = evaluator.eval(code, line);
        MagicTiming.printTimes(start);
        return value;
    }

    /**
     * {@code %timeit} / {@code %%timeit}.
     *
     * @param evaluator the shell
     * @param options   the options given on the magic line ({@code -n N}, {@code -r R}); for the line magic the
     *                  code follows them on the same line
     * @param body      for the cell magic, the cell body; null for the line magic
     * @param line      0-based cell line where the code starts
     */
    public static void timeit(JShellEvaluator evaluator, String options, String body, int line) {
        int loops = 0;
        int repeat = 7;
        String rest = options.strip();
        while (rest.startsWith("-")) {
            String[] words = rest.split("\\s+", 3);
            if (words.length < 2 || !(words[0].equals("-n") || words[0].equals("-r"))) {
                throw usage("unknown option " + words[0]);
            }
            int value;
            try {
                value = Integer.parseInt(words[1]);
            } catch (NumberFormatException e) {
                throw usage(words[0] + " needs a number, got " + words[1]);
            }
            if (value < 1) {
                throw usage(words[0] + " must be at least 1");
            }
            if (words[0].equals("-n")) {
                loops = value;
            } else {
                repeat = value;
            }
            rest = words.length > 2 ? words[2].strip() : "";
        }
        String code = body == null ? rest : body;
        if (code.isBlank()) {
            throw usage("nothing to time");
        }
        String head = TIMING + ".timeit(" + loops + ", " + repeat + ", () -> { ";
        try {
            try {
                evaluator.eval(head + code + "\n;});", line);
            } catch (CellError e) {
                // an expression such as "1 + 1" is not a statement: time computing its value instead
                if (!"CompilationError".equals(e.name()) || !String.join("\n", e.traceback()).contains("not a statement")) {
                    throw e;
                }
                // (without a trailing ';', which only means "do not show the value")
                String expression = code.strip();
                if (expression.endsWith(";")) {
                    expression = expression.substring(0, expression.length() - 1);
                }
                evaluator.eval(head + TIMING + ".consume(" + expression + "\n);});", line);
            }
        } catch (CellError e) {
            // show the user's code in error messages, not the generated wrapper
            List<String> lines = new ArrayList<>();
            for (String l : e.traceback()) {
                lines.add(l.replace(head + TIMING + ".consume(", "").replace(head, ""));
            }
            throw new CellError(e.name(), e.getMessage(), lines);
        }
    }

    private static CellError usage(String problem) {
        return new CellError("UsageError", problem,
                List.of("Usage: %timeit [-n LOOPS] [-r RUNS] CODE   or   %%timeit [-n LOOPS] [-r RUNS]", problem));
    }
}
