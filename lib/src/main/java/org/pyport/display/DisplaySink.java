package org.pyport.display;

import java.util.Map;

/**
 * Where display bundles go: one implementation per kernel family (ours/JJava, IJava, rapaio) plus a
 * plain-text one used outside any kernel. {@link DisplaySinks#current()} picks one once per JVM.
 */
public interface DisplaySink {
    /** A short name for messages and tests, e.g. {@code "jjava"} or {@code "text"}. */
    String name();

    /** Whether this sink talks to a Jupyter front end (false for the plain-text fallback). */
    boolean isKernel();

    /** Whether the front end accepts this MIME type as is (rapaio, for instance, has no SVG type). */
    default boolean supports(String mimeType) {
        return true;
    }

    /**
     * Shows a MIME bundle (mime type → String data; images base64) under {@code displayId}, so that
     * {@link #update} can replace it later.
     */
    void display(String displayId, Map<String, Object> bundle);

    /** Replaces the output previously shown under {@code displayId}. */
    void update(String displayId, Map<String, Object> bundle);
}
