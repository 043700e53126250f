package org.pyport.kernel.exec;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.Map;

/**
 * Redefines classes of cells in place, keeping their static fields: the values of the notebook's variables. JShell
 * compiles a declaration again when something it depends on changes (a new import of a package, which any
 * declaration may depend on; a method or class it uses, declared again) and asks its execution engine to redefine
 * the declaration's class. JShell's default engine, in a JVM of its own, does that with JDI; a local engine cannot
 * (JShell's {@code LocalExecutionControl} says "not supported"), and JShell then replaces the class with a new one,
 * whose variable is null, 0 or false: every variable of a notebook was reset by an import cell with a comment line.
 * {@code java.lang.instrument} redefines classes within this JVM, under the same rules as JDI (method bodies may
 * change, fields and method signatures not; JShell replaces the class when they do, as it does with JDI).
 *
 * <p>The kernel's jar is its own agent: {@code kernel.json} starts the JVM with {@code -javaagent:} naming it
 * ({@code Premain-Class} in its manifest). Started without it, classes cannot be redefined and JShell replaces them,
 * as before.
 */
public final class ClassRedefinition {

    private static volatile Instrumentation instrumentation;

    private ClassRedefinition() {
    }

    /**
     * The agent's entry point ({@code -javaagent}), called before the kernel's {@code main}.
     *
     * @param args        the agent's options (none)
     * @param instruments the JVM's instrumentation
     */
    public static void premain(String args, Instrumentation instruments) {
        install(instruments);
    }

    /**
     * The entry point of the agent loaded into a running JVM (the unit tests do; the kernel uses {@link #premain}).
     *
     * @param args        the agent's options (none)
     * @param instruments the JVM's instrumentation
     */
    public static void agentmain(String args, Instrumentation instruments) {
        install(instruments);
    }

    private static void install(Instrumentation instruments) {
        if (instruments.isRedefineClassesSupported()) {
            instrumentation = instruments;
        }
    }

    /** @return true if this JVM was started with the agent, so classes can be redefined */
    static boolean available() {
        return instrumentation != null;
    }

    /**
     * Redefines the classes, all or none.
     *
     * @param classes each class and its new bytecode
     * @throws UnsupportedOperationException if the JVM cannot redefine them (the agent is missing, a field or a
     *                                       method signature changed)
     * @throws ClassFormatError              or another {@link LinkageError} if a bytecode is invalid
     */
    static void redefine(Map<Class<?>, byte[]> classes) throws ClassNotFoundException, UnmodifiableClassException {
        Instrumentation instruments = instrumentation;
        if (instruments == null) {
            throw new UnsupportedOperationException("the kernel was started without its agent (-javaagent)");
        }
        ClassDefinition[] definitions = classes.entrySet().stream()
                .map(e -> new ClassDefinition(e.getKey(), e.getValue()))
                .toArray(ClassDefinition[]::new);
        instruments.redefineClasses(definitions);
    }
}
