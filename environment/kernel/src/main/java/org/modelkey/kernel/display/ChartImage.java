package org.modelkey.kernel.display;

import java.awt.image.BufferedImage;
import java.lang.reflect.Method;

/**
 * An XChart chart ({@code org.knowm.xchart.internal.chartpart.Chart}) drawn to an image with
 * XChart's own {@code BitmapEncoder}, found through the chart's class loader (XChart is on the
 * notebook's classpath, not the kernel's).
 */
public final class ChartImage {

    private ChartImage() {}

    /** Draws {@code chart} at its own width and height. */
    public static BufferedImage of(Object chart) {
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
}
