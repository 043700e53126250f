package org.rapaio.jupyter.kernel;

import java.util.ArrayList;
import java.util.List;

import org.rapaio.jupyter.kernel.core.display.DisplayData;

/** Test stand-in for rapaio's kernel: records displays and updates. */
public class RapaioKernel {
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
