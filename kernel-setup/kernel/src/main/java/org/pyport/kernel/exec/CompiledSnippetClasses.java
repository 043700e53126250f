package org.pyport.kernel.exec;

import jdk.jshell.JShell;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The class files JShell keeps in memory for the snippets it compiled, so that the kernel can forget those no later
 * cell can refer to.
 *
 * <p>JShell compiles every snippet into a wrapper class of the {@code REPL} package and keeps its class file for good,
 * and every later compilation lists the whole package: each of the four javac runs of a cell enters every wrapper
 * ever compiled. A {@code 1 + 1} cell took 23 ms after 400 cells, 30 ms after 1,000 and 37 ms after 1,500. The
 * wrapper of an expression or a statement is never named by later code (only declarations are: methods, classes,
 * variables), and its class is already loaded where it runs, so its class file can go.
 *
 * <p>JShell has no API for this: its file manager's map is reached reflectively, which needs
 * {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED} (the kernelspec passes it). Without that opening, or on a JDK
 * whose JShell is built differently, this class does nothing and JShell keeps every class as it always does.
 */
final class CompiledSnippetClasses {

    /** JShell's task factory: javac runs while holding its lock, so changes to the map are made holding it too */
    private final Object lock;
    /** class name to class file, owned by JShell's file manager (null if out of reach) */
    private final Map<?, ?> classes;

    private CompiledSnippetClasses(Object lock, Map<?, ?> classes) {
        this.lock = lock;
        this.classes = classes;
    }

    /**
     * @param shell a shell
     * @return its compiled snippet classes; an instance that does nothing if the JDK does not let us reach them
     */
    static CompiledSnippetClasses of(JShell shell) {
        try {
            Object taskFactory = field(JShell.class, "taskFactory").get(shell);
            Object fileManager = field(taskFactory.getClass(), "fileManager").get(taskFactory);
            Object classes = field(fileManager.getClass(), "classObjects").get(fileManager);
            if (classes instanceof Map<?, ?> map) {
                return new CompiledSnippetClasses(taskFactory, map);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another JDK's JShell, or the package is not opened to us: keep every class, as JShell does
        }
        return new CompiledSnippetClasses(new Object(), null);
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** @return true if classes can be forgotten on this JDK (else {@link #forgetAllBut} does nothing) */
    boolean works() {
        return classes != null;
    }

    /** @return the names of the classes JShell holds now (empty if out of reach) */
    Set<String> names() {
        if (classes == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        synchronized (lock) {
            for (Object name : classes.keySet()) {
                names.add((String) name);
            }
        }
        return names;
    }

    /**
     * Forgets every class not named in {@code kept}: called with the names from before a snippet whose classes no
     * later cell can name, it forgets that snippet's classes.
     *
     * @param kept names to keep, from {@link #names()}
     * @return how many classes were forgotten
     */
    int forgetAllBut(Set<String> kept) {
        if (classes == null) {
            return 0;
        }
        synchronized (lock) {
            int before = classes.size();
            classes.keySet().removeIf(name -> !kept.contains(name));
            return before - classes.size();
        }
    }

    /** @return how many classes JShell holds (0 if out of reach) */
    int size() {
        if (classes == null) {
            return 0;
        }
        synchronized (lock) {
            return classes.size();
        }
    }
}
