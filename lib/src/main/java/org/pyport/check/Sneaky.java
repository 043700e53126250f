package org.pyport.check;

/** Rethrows a checked exception without declaring or wrapping it (the caller sees the original). */
final class Sneaky {
    private Sneaky() {}

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
