package org.modelkey.kernel.magic;

import org.modelkey.kernel.JavaKernel;
import org.modelkey.kernel.classpath.MavenResolver;
import org.modelkey.kernel.classpath.PathGlobs;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The IJava line magics the notebooks use:
 * <ul>
 *   <li>{@code %maven G:A[:ext[:classifier]]:V ...} adds artifacts and their runtime dependencies;</li>
 *   <li>{@code %jars PATH_OR_GLOB ...} adds jar files;</li>
 *   <li>{@code %classpath PATH_OR_GLOB ...} adds jars or class folders;</li>
 *   <li>{@code %load FILE ...} runs a file of Java snippets (which may hold magics itself).</li>
 * </ul>
 * Relative paths start at the kernel's working directory (the notebook's folder under Jupyter).
 */
public final class NotebookMagics {

    /** The magic names, as registered. */
    public static final List<String> NAMES = List.of("maven", "jars", "classpath", "load");

    private NotebookMagics() {}

    /** Registers the four magics. */
    public static void register(MagicsRegistry registry, MavenResolver resolver, Path workingDirectory) {
        LineMagic<Void, JavaKernel> maven = (kernel, args) -> {
            kernel.addToClasspath(resolver.resolve(args));
            return null;
        };
        LineMagic<Void, JavaKernel> jars = (kernel, args) -> {
            List<Path> found = expand("%jars", args, workingDirectory);
            for (Path path : found) {
                if (!Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("%jars takes jar files but " + path + " is a folder: use %classpath for class folders");
                }
            }
            kernel.addToClasspath(found);
            return null;
        };
        LineMagic<Void, JavaKernel> classpath = (kernel, args) -> {
            kernel.addToClasspath(expand("%classpath", args, workingDirectory));
            return null;
        };
        LineMagic<Void, JavaKernel> load = (kernel, args) -> {
            if (args.isEmpty()) {
                throw new IllegalArgumentException("%load needs a file: %load setup.jsh");
            }
            for (String arg : args) {
                Path file = workingDirectory.resolve(arg).normalize();
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("%load: no file " + file + ": check the name, relative paths start at " + workingDirectory);
                }
                kernel.runScript(read(file), file.getFileName().toString());
            }
            return null;
        };
        registry.registerLineMagic("maven", maven);
        registry.registerLineMagic("jars", jars);
        registry.registerLineMagic("classpath", classpath);
        registry.registerLineMagic("load", load);
    }

    private static List<Path> expand(String magic, List<String> args, Path base) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(magic + " needs at least one path or glob, e.g. " + magic + " lib/*.jar");
        }
        List<Path> paths = new ArrayList<>();
        for (String arg : args) {
            paths.addAll(PathGlobs.expandList(arg, base));
        }
        return paths;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("%load cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
