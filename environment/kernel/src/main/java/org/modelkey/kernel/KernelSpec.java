package org.modelkey.kernel;

import com.google.gson.GsonBuilder;
import org.modelkey.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernelspec Jupyter uses to start this kernel: {@code DIR/kernels/java/kernel.json} with the
 * absolute paths of a {@code java} executable and of the kernel jar. Installing again rewrites
 * the same file, so the installer is idempotent.
 */
public final class KernelSpec {

    /** The kernel name notebooks ask for in their metadata ({@code kernelspec.name}). */
    public static final String NAME = "java";
    public static final String DISPLAY_NAME = "Java (modelkey)";

    /**
     * JVM options of the kernel: no display (charts are drawn off-screen), DJL never downloads
     * (its native library comes from the pytorch-native-cpu jar), and stack traces always complete.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-XX:-OmitStackTraceInFastThrow");

    private KernelSpec() {}

    /** The kernel.json text for the given java executable and kernel jar. */
    static String json(Path java, Path jar) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(JVM_OPTIONS);
        argv.addAll(List.of("-jar", jar.toString(), "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("metadata", Map.of());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /**
     * Writes {@code jupyterDir/kernels/java/kernel.json}.
     *
     * @return the file written
     */
    public static Path install(Path jupyterDir, Path java, Path jar) throws IOException {
        Path file = jupyterDir.resolve("kernels").resolve(NAME).resolve("kernel.json");
        return AtomicFiles.writeString(file, json(java.toAbsolutePath(), jar.toAbsolutePath()));
    }
}
