package org.modelkey.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.modelkey.report.NotebookDisplay;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Teaches the kernel's {@link Renderer} the types of libraries a notebook adds at run time, the way
 * {@link NotebookDisplay} teaches IJava's and JJava's: XChart charts become {@code image/png} and Tablesaw
 * tables {@code text/html} (plus their own {@code text/plain}). The classes only exist once a notebook has
 * added the library, so {@link #refresh(ClassLoader)} runs after every classpath change and registers what
 * has appeared. ({@code java.awt.image.RenderedImage} is rendered as PNG by jjava-jupyter itself.)
 */
public final class LibraryRenderers {

    private final Renderer renderer;
    private final Set<String> registered = new HashSet<>();

    public LibraryRenderers(Renderer renderer) {
        this.renderer = renderer;
    }

    /** Registers renderers for the library types {@code loader} can now see. */
    public synchronized void refresh(ClassLoader loader) {
        for (String name : List.of(NotebookDisplay.CHART, NotebookDisplay.TABLE)) {
            if (registered.contains(name)) {
                continue;
            }
            try {
                NotebookDisplay.registerWith(renderer, Class.forName(name, false, loader));
                registered.add(name);
            } catch (ClassNotFoundException | LinkageError e) {
                // not on the notebook's classpath (yet)
            }
        }
    }
}
