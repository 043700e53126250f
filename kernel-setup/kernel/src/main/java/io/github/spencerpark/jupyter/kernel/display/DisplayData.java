package io.github.spencerpark.jupyter.kernel.display;

/** IJava's name for displayable data: the kernel's own type under IJava's package. */
public class DisplayData extends org.dflib.jjava.jupyter.kernel.display.DisplayData {

    /** Empty data. */
    public DisplayData() {
    }

    /** @param text the {@code text/plain} representation */
    public DisplayData(String text) {
        super(text);
    }

    /** @param data data to copy */
    public DisplayData(org.dflib.jjava.jupyter.kernel.display.DisplayData data) {
        super(data);
    }
}
