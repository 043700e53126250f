package org.dflib.jjava.jupyter.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test stand-in with the shape of JJava's DisplayData (only what the bridge uses). */
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
