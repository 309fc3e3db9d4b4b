package org.modelkey.kernel.exec;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of a notebook: the jars added by {@code %maven}, {@code %jars} and
 * {@code %classpath}, plus the classes JShell compiles from the cells. One instance lives as long
 * as the kernel, so native libraries loaded by a library (PyTorch through DJL) stay bound to it.
 * It is also the context class loader of the thread running the cells, so {@link
 * java.util.ServiceLoader} (how DJL finds its engine) sees the notebook's jars.
 *
 * <p>Its parent is {@link KernelApiGate}: a notebook sees the JDK and {@code
 * org.modelkey.kernel.api}, never the kernel's own libraries.
 */
public final class NotebookClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> snippetClasses = new ConcurrentHashMap<>();

    public NotebookClassLoader(ClassLoader parent) {
        super("notebook", new URL[0], parent);
    }

    /** Adds a jar or a class folder. */
    public void addPath(Path path) {
        try {
            addURL(path.toAbsolutePath().normalize().toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot add " + path + " to the notebook classpath: " + e.getMessage(), e);
        }
    }

    /** Records the bytecode of a class compiled from a cell; it is defined when first loaded. */
    void declare(String className, byte[] bytecode) {
        snippetClasses.put(className, bytecode);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytecode = snippetClasses.get(name);
        if (bytecode == null) {
            return super.findClass(name);
        }
        return defineClass(name, bytecode, 0, bytecode.length);
    }
}
