package io.github.spencerpark.ijava.runtime;

import org.pyport.kernel.runtime.Notebook;

import java.util.List;

/** IJava's {@code Magics} statics, for notebooks that import them. */
public final class Magics {

    private Magics() {
    }

    /** @param name the magic; @param args its words; @param <T> its value's type; @return its value */
    public static <T> T lineMagic(String name, List<String> args) {
        return Notebook.lineMagic(name, args);
    }

    /** @param name the magic; @param args its words; @param body the cell; @param <T> its value's type; @return its value */
    public static <T> T cellMagic(String name, List<String> args, String body) {
        return Notebook.cellMagic(name, args, body);
    }
}
