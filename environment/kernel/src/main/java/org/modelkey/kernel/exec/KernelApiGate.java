package org.modelkey.kernel.exec;

/**
 * Parent of the {@link NotebookClassLoader}: lets through the JDK (platform classes) and the
 * package {@code org.modelkey.kernel.api} from the kernel, and nothing else, so a notebook's
 * classpath is exactly what the notebook asked for.
 */
final class KernelApiGate extends ClassLoader {

    static final String API_PACKAGE = "org.modelkey.kernel.api.";

    private final ClassLoader kernel;

    KernelApiGate(ClassLoader kernel) {
        super("kernel-api", ClassLoader.getPlatformClassLoader());
        this.kernel = kernel;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            return kernel.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
