package io.github.spencerpark.jupyter.kernel;

import java.util.ArrayList;
import java.util.List;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/** Test stand-in for IJava's DisplayStream: records what was sent. */
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
