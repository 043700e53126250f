package org.pyport.display;

import java.util.Map;

/** Something that knows its own MIME bundle (charts, tables); {@link Show#show(Object)} uses it. */
public interface Displayable {
    /**
     * The MIME bundle to show, tailored to what {@code sink} supports; must contain {@code text/plain}.
     */
    Map<String, Object> mimeBundle(DisplaySink sink);
}
