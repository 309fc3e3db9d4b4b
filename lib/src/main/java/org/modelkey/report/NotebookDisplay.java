package org.modelkey.report;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a notebook shows the kit's two rich value types, the same under every kernel: an XChart chart as
 * {@code image/png} at its own size, a Tablesaw table as {@code text/html} (first {@value #MAX_ROWS} rows).
 * The kit's kernel calls {@link #chartImage} and {@link #tableHtml} itself; under IJava or JJava,
 * {@code setup.jsh} calls {@link #register()}, which hands the same two renderers to that kernel's display
 * API. Everything goes through reflection, so the library depends on no kernel, and this class (shaded into
 * the kit's kernel) on neither XChart nor Tablesaw.
 */
public final class NotebookDisplay {

    /** XChart's base class of every chart. */
    public static final String CHART = "org.knowm.xchart.internal.chartpart.Chart";
    /** Tablesaw's table. */
    public static final String TABLE = "tech.tablesaw.api.Table";
    static final int MAX_ROWS = 100;

    /** The static method returning the running kernel: JJava's, then IJava's. */
    private static final List<String[]> KERNELS = List.of(
            new String[] {"org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel"},
            new String[] {"io.github.spencerpark.ijava.IJava", "getKernelInstance"});

    private NotebookDisplay() {}

    /**
     * Registers the chart and table renderers with the running IJava or JJava kernel.
     *
     * @return false when no such kernel is visible (under the kit's kernel, which renders both itself, or
     *     outside a notebook)
     */
    public static boolean register() {
        ClassLoader loader = NotebookDisplay.class.getClassLoader();
        for (String[] kernel : KERNELS) {
            Object instance;
            try {
                instance = Class.forName(kernel[0], true, loader).getMethod(kernel[1]).invoke(null);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                continue;   // not this kernel, or it is not running
            }
            if (instance != null) {
                Object renderer = call(instance, "getRenderer");
                for (String type : List.of(CHART, TABLE)) {
                    try {
                        registerWith(renderer, Class.forName(type, false, loader));
                    } catch (ClassNotFoundException | LinkageError e) {
                        // that library is not on the notebook's classpath
                    }
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Registers with an IJava/JJava {@code Renderer} ({@code createRegistration(Class)}, {@code RenderFunction},
     * {@code RenderContext.renderIfRequested(MIMEType, Supplier)}) how to show {@code type}: a subclass of
     * {@value #CHART} as {@code image/png}, of {@value #TABLE} as {@code text/html}.
     */
    public static void registerWith(Object renderer, Class<?> type) {
        if (isA(type, CHART)) {
            registerType(renderer, type, "image/png", NotebookDisplay::chartPng);
        } else if (isA(type, TABLE)) {
            registerType(renderer, type, "text/html", NotebookDisplay::tableHtml);
        } else {
            throw new IllegalArgumentException(type.getName() + " is neither " + CHART + " nor " + TABLE);
        }
    }

    /** Draws an XChart {@code chart} at its own width and height with XChart's {@code BitmapEncoder}. */
    public static BufferedImage chartImage(Object chart) {
        try {
            Class<?> encoder = Class.forName("org.knowm.xchart.BitmapEncoder", true, chart.getClass().getClassLoader());
            for (Method method : encoder.getMethods()) {
                if (method.getName().equals("getBufferedImage") && method.getParameterCount() == 1
                        && method.getParameterTypes()[0].isInstance(chart)) {
                    return (BufferedImage) method.invoke(null, chart);
                }
            }
            throw new NoSuchMethodException("BitmapEncoder.getBufferedImage(Chart)");
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot draw " + chart.getClass().getName()
                    + " with XChart's BitmapEncoder: " + e + ": use XChart 3.8 or later", e);
        }
    }

    /** A Tablesaw {@code table} as an HTML table; a long one shows its first rows and says how many are left. */
    public static String tableHtml(Object table) {
        try {
            Class<?> type = table.getClass();
            String name = (String) type.getMethod("name").invoke(table);
            List<?> columns = (List<?>) type.getMethod("columnNames").invoke(table);
            int rows = (Integer) type.getMethod("rowCount").invoke(table);
            Method cell = type.getMethod("getString", int.class, int.class);
            StringBuilder html = new StringBuilder("<table class=\"tablesaw\">\n");
            if (name != null && !name.isBlank()) {
                html.append("<caption>").append(escape(name)).append("</caption>\n");
            }
            html.append("<thead><tr>");
            for (Object column : columns) {
                html.append("<th>").append(escape(String.valueOf(column))).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            int shown = Math.min(rows, MAX_ROWS);
            for (int r = 0; r < shown; r++) {
                html.append("<tr>");
                for (int c = 0; c < columns.size(); c++) {
                    html.append("<td>").append(escape(String.valueOf(cell.invoke(table, r, c)))).append("</td>");
                }
                html.append("</tr>\n");
            }
            if (rows > shown) {
                html.append("<tr><td colspan=\"").append(columns.size()).append("\">… ")
                        .append(rows - shown).append(" more rows</td></tr>\n");
            }
            return html.append("</tbody>\n</table>").toString();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("cannot render " + table.getClass().getName()
                    + " as a Tablesaw table: " + e, e);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String chartPng(Object chart) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(chartImage(chart), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG: " + e.getMessage(), e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static boolean isA(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void registerType(Object renderer, Class<?> type, String mime, Function<Object, String> render) {
        try {
            String display = renderer.getClass().getPackageName();
            ClassLoader kernel = renderer.getClass().getClassLoader();
            Class<?> function = Class.forName(display + ".RenderFunction", true, kernel);
            Class<?> mimeType = Class.forName(display + ".mime.MIMEType", true, kernel);
            Object wanted = mimeType.getMethod("parse", String.class).invoke(null, mime);
            InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
                case "render" -> {
                    Object value = args[0];
                    Supplier<Object> data = () -> render.apply(value);
                    try {
                        args[1].getClass().getMethod("renderIfRequested", mimeType, Supplier.class).invoke(args[1], wanted, data);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();   // the renderer's own error, e.g. a chart XChart cannot draw
                    }
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "NotebookDisplay " + mime + " renderer for " + type.getName();
            };
            Object registration = renderer.getClass().getMethod("createRegistration", Class.class).invoke(renderer, type);
            registration = registration.getClass().getMethod("preferring", String[].class)
                    .invoke(registration, (Object) new String[] {mime});
            registration.getClass().getMethod("register", function).invoke(registration,
                    Proxy.newProxyInstance(kernel, new Class<?>[] {function}, handler));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the notebook kernel's display API differs from IJava's ("
                    + e + "): charts and tables would show as text; use JJava 1.0 or IJava 1.3", e);
        }
    }

    private static Object call(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the notebook kernel has no " + method + "(): " + e, e);
        }
    }
}
