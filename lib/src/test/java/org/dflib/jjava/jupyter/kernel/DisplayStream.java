package org.dflib.jjava.jupyter.kernel;

import java.util.ArrayList;
import java.util.List;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Test stand-in for JJava's DisplayStream: records what was sent. */
public class DisplayStream {
    public final List<DisplayData> shown = new ArrayList<>();
    public final List<DisplayData> updated = new ArrayList<>();

    public void display(DisplayData d) {
        shown.add(d);
    }

    public void updateDisplay(String id, DisplayData d) {
        d.setDisplayId(id);
        updated.add(d);
    }
}
