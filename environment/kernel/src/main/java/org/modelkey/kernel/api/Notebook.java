package org.modelkey.kernel.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * The one kernel class a notebook's snippets can see: {@code display(obj)} shows a value inline,
 * like IJava's {@code display}. Every snippet starts with {@code import static
 * org.modelkey.kernel.api.Notebook.display;}, so cells simply write {@code display(chart)}.
 */
public final class Notebook {

    private static volatile Function<Object, String> sink;

    private Notebook() {}

    /**
     * Shows {@code value} in the current cell's output, rendered the same way as a cell's last
     * expression (images and charts as PNG, Tablesaw tables as HTML, anything else as text).
     *
     * @return the display id of the new output
     */
    public static String display(Object value) {
        Function<Object, String> target = sink;
        if (target == null) {
            throw new IllegalStateException("display() needs a running modelkey kernel: run this code in a notebook cell");
        }
        return target.apply(value);
    }

    /** Called once by the kernel at start-up: where {@link #display(Object)} sends values. */
    public static void connect(Function<Object, String> displaySink) {
        sink = Objects.requireNonNull(displaySink, "displaySink");
    }
}
