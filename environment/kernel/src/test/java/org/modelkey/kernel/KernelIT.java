package org.modelkey.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shaded kernel jar end to end: its installer writes a kernelspec into a private
 * JUPYTER_PATH, then {@code jupyter nbconvert --execute} runs the fixture notebooks with it.
 */
class KernelIT {

    private static final Path JUPYTER = Path.of("/usr/bin/jupyter");

    @TempDir
    static Path work;

    @BeforeAll
    static void installKernelspec() throws Exception {
        if (!Files.isExecutable(JUPYTER)) {
            fail(JUPYTER + " is missing: run environment/setup, which installs jupyter-nbconvert, jupyter-client"
                    + " and python3-nbclient from Debian");
        }
        String kernelJar = System.getProperty("kernel.jar");
        if (kernelJar == null) {
            fail("system property kernel.jar is not set: run the integration tests with mvn verify (failsafe sets it)");
        }
        Path jar = Path.of(kernelJar);
        Result install = run(work, Map.of(), List.of(javaExecutable(), "-jar", jar.toString(), "install", "--jupyter-dir",
                work.resolve("jupyter").toString()));
        assertEquals(0, install.exit, install.log);
        String spec = Files.readString(work.resolve("jupyter/kernels/java/kernel.json"));
        assertTrue(spec.contains(jar.toAbsolutePath().toString()), spec);

        Path notebooks = work.resolve("notebooks");
        Files.createDirectories(notebooks.resolve("lib"));
        for (String name : List.of("display.ipynb", "errors.ipynb", "interrupt.ipynb", "startup.ipynb", "setup.jsh")) {
            try (InputStream in = KernelIT.class.getResourceAsStream("/notebooks/" + name)) {
                Files.copy(in, notebooks.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path fixtureJar = Path.of(System.getProperty("fixture.jar"));
        Files.copy(fixtureJar, notebooks.resolve("lib").resolve(fixtureJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void notebookShowsTextStreamsImagesChartsAndTables() throws Exception {
        Result run = nbconvert("display.ipynb", "display-out.ipynb");

        assertEquals(0, run.exit, run.log);
        JsonArray cells = cells("display-out.ipynb");
        assertEquals("hello {\"a\":1}\n", stream(cells.get(2), "stdout"));
        assertEquals("to stderr\n", stream(cells.get(2), "stderr"));
        assertEquals("progress 1/3\nprogress 2/3\nprogress 3/3\n", stream(cells.get(3), "stdout"));
        assertTrue(run.log.contains("progress 3/3"), "cell output is echoed to nbconvert's log:\n" + run.log);
        assertTrue(data(cells.get(4), "execute_result").has("image/png"), cells.get(4).toString());
        String table = data(cells.get(5), "execute_result").get("text/html").getAsString();
        assertTrue(table.contains("<caption>scores</caption>") && table.contains("<td>0.75</td>"), table);
        assertTrue(data(cells.get(6), "display_data").has("image/png"), cells.get(6).toString());
        assertEquals("chart shown", data(cells.get(6), "execute_result").get("text/plain").getAsString());
        assertEquals("true", data(cells.get(7), "execute_result").get("text/plain").getAsString());
    }

    @Test
    void aFailingCellFailsTheRun() throws Exception {
        Result run = nbconvert("errors.ipynb", "errors-out.ipynb");

        assertNotEquals(0, run.exit, run.log);
        assertTrue(run.log.contains("CompilationException"), run.log);
    }

    @Test
    void errorsCarryTheRealTypeAndTheCellLine() throws Exception {
        Result run = nbconvert("errors.ipynb", "errors-allowed.ipynb", "--allow-errors");

        assertEquals(0, run.exit, run.log);
        JsonArray cells = cells("errors-allowed.ipynb");
        assertEquals("42", data(cells.get(0), "execute_result").get("text/plain").getAsString());
        JsonObject compile = output(cells.get(1), "error");
        assertEquals("CompilationException", compile.get("ename").getAsString());
        assertTrue(compile.get("evalue").getAsString().contains("cannot find symbol (cell [2] line 1)"), compile.toString());
        JsonObject thrown = output(cells.get(2), "error");
        assertEquals("java.lang.NumberFormatException", thrown.get("ename").getAsString());
        String traceback = thrown.get("traceback").toString();
        assertTrue(traceback.contains("cell [3] line 1"), traceback);
        assertTrue(!traceback.contains("org.modelkey.kernel") && !traceback.contains("jdk.jshell"), traceback);
    }

    @Test
    void interruptStopsABusyCellAndTheKernelCarriesOn() throws Exception {
        Result run = nbconvert("interrupt.ipynb", "interrupt-out.ipynb", "--allow-errors",
                "--ExecutePreprocessor.timeout=4", "--ExecutePreprocessor.interrupt_on_timeout=True");

        assertEquals(0, run.exit, run.log);
        JsonArray cells = cells("interrupt-out.ipynb");
        JsonObject error = output(cells.get(0), "error");
        assertTrue(error.get("evalue").getAsString().startsWith("interrupted"), error.toString());
        assertEquals("still alive", data(cells.get(1), "execute_result").get("text/plain").getAsString());
    }

    @Test
    void ijavaStartupVariablesAreHonoured() throws Exception {
        Result run = nbconvert(Map.of("IJAVA_CLASSPATH", "lib/*.jar", "IJAVA_STARTUP_SCRIPT", "String greeting = \"hi\";"),
                "startup.ipynb", "startup-out.ipynb");

        assertEquals(0, run.exit, run.log);
        assertEquals("CommandLine hi", data(cells("startup-out.ipynb").get(0), "execute_result").get("text/plain").getAsString());
    }

    @Test
    void aKernelThatCannotStartSaysWhy() throws Exception {
        Result run = run(work, Map.of(), List.of(javaExecutable(), "-jar", System.getProperty("kernel.jar"),
                work.resolve("no-such-connection.json").toString()));

        assertEquals(1, run.exit, run.log);
        assertTrue(run.log.contains("modelkey kernel cannot start") && run.log.contains("no-such-connection.json"), run.log);
    }

    private static Result nbconvert(String notebook, String output, String... options) throws Exception {
        return nbconvert(Map.of(), notebook, output, options);
    }

    private static Result nbconvert(Map<String, String> env, String notebook, String output, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=java", "--output", output));
        command.addAll(List.of(options));
        command.add(notebook);
        return run(work.resolve("notebooks"), env, command);
    }

    private static Result run(Path dir, Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("JUPYTER_PATH", work.resolve("jupyter").toString());
        builder.environment().put("JUPYTER_RUNTIME_DIR", work.resolve("runtime").toString());
        Process process = builder.start();
        byte[] log = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(log));
    }

    private record Result(int exit, String log) {}

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static JsonArray cells(String notebook) throws IOException {
        String json = Files.readString(work.resolve("notebooks").resolve(notebook));
        return JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("cells");
    }

    private static JsonObject output(JsonElement cell, String type) {
        for (JsonElement output : cell.getAsJsonObject().getAsJsonArray("outputs")) {
            if (output.getAsJsonObject().get("output_type").getAsString().equals(type)) {
                return output.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + type + " output in " + cell);
    }

    private static JsonObject data(JsonElement cell, String type) {
        JsonObject data = output(cell, type).getAsJsonObject("data");
        JsonObject joined = new JsonObject();
        data.entrySet().forEach(e -> joined.addProperty(e.getKey(), text(e.getValue())));
        return joined;
    }

    private static String stream(JsonElement cell, String name) {
        StringBuilder text = new StringBuilder();
        for (JsonElement output : cell.getAsJsonObject().getAsJsonArray("outputs")) {
            JsonObject o = output.getAsJsonObject();
            if (o.get("output_type").getAsString().equals("stream") && o.get("name").getAsString().equals(name)) {
                text.append(text(o.get("text")));
            }
        }
        return text.toString();
    }

    /** nbformat stores text as a string or a list of lines. */
    private static String text(JsonElement value) {
        if (value.isJsonArray()) {
            StringBuilder joined = new StringBuilder();
            value.getAsJsonArray().forEach(line -> joined.append(line.getAsString()));
            return joined.toString();
        }
        return value.getAsString();
    }
}
