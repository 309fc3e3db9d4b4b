package org.modelkey.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/**
 * Teaches the kernel's {@link Renderer} the types of libraries a notebook adds at run time:
 * XChart charts become {@code image/png} and Tablesaw tables {@code text/html} (plus their own
 * {@code text/plain}). The classes only exist once a notebook has added the library, so {@link
 * #refresh(ClassLoader)} runs after every classpath change and registers what has appeared.
 * ({@code java.awt.image.RenderedImage} is rendered as PNG by jjava-jupyter itself.)
 */
public final class LibraryRenderers {

    static final String CHART = "org.knowm.xchart.internal.chartpart.Chart";
    static final String TABLE = "tech.tablesaw.api.Table";

    private final Renderer renderer;
    private final Set<String> registered = new HashSet<>();

    public LibraryRenderers(Renderer renderer) {
        this.renderer = renderer;
    }

    /** Registers renderers for the library types {@code loader} can now see. */
    public synchronized void refresh(ClassLoader loader) {
        Class<?> chart = find(CHART, loader);
        if (chart != null) {
            renderer.createRegistration(chart).preferring(MIMEType.IMAGE_PNG)
                    .register((value, context) -> context.renderIfRequested(MIMEType.IMAGE_PNG,
                            () -> png(ChartImage.of(value))));
        }
        Class<?> table = find(TABLE, loader);
        if (table != null) {
            renderer.createRegistration(table).preferring(MIMEType.TEXT_HTML)
                    .register((value, context) -> context.renderIfRequested(MIMEType.TEXT_HTML,
                            () -> TableHtml.of(value)));
        }
    }

    private Object png(BufferedImage image) {
        DisplayData data = renderer.renderAs(image, MIMEType.IMAGE_PNG.toString());
        return data.getData(MIMEType.IMAGE_PNG);
    }

    private Class<?> find(String name, ClassLoader loader) {
        if (registered.contains(name)) {
            return null;
        }
        try {
            Class<?> type = Class.forName(name, false, loader);
            registered.add(name);
            return type;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
