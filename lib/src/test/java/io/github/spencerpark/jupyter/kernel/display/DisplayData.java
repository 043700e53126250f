package io.github.spencerpark.jupyter.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test stand-in with the shape of IJava's (jupyter-jvm-basekernel) DisplayData. */
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
