package org.modelkey.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelSpecTest {

    @TempDir
    Path jupyter;

    @Test
    void writesKernelJsonWithAbsolutePathsAndTheKernelFlags() throws IOException {
        Path java = Path.of("/opt/jdk/bin/java");
        Path jar = Path.of("/kit/environment/kernel/target/modelkey-kernel.jar");

        Path file = KernelSpec.install(jupyter, java, jar);

        assertEquals(jupyter.resolve("kernels/java/kernel.json").toAbsolutePath(), file);
        JsonObject spec = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        List<String> expected = new ArrayList<>(List.of(java.toString()));
        expected.addAll(List.of("-Djava.awt.headless=true", "-Dai.djl.offline=true", "-XX:-OmitStackTraceInFastThrow"));
        expected.addAll(List.of("-jar", jar.toString(), "{connection_file}"));
        assertEquals(expected, argv);
        assertEquals("Java (modelkey)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
    }

    @Test
    void installingAgainGivesTheSameFile() throws IOException {
        Path first = KernelSpec.install(jupyter, Path.of("/usr/bin/java"), Path.of("/k.jar"));
        String before = Files.readString(first);

        Path second = KernelSpec.install(jupyter, Path.of("/usr/bin/java"), Path.of("/k.jar"));

        assertEquals(first, second);
        assertEquals(before, Files.readString(second));
        try (var files = Files.list(first.getParent())) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }
}
