package org.rapaio.jupyter.kernel.core.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test stand-in with the shape of rapaio's DisplayData. */
public class DisplayData {
    public final Map<String, Object> data = new LinkedHashMap<>();
    public String displayId;

    public void putData(String mimeType, Object value) {
        data.put(mimeType, value);
    }

    public void setDisplayId(String id) {
        displayId = id;
    }
}
