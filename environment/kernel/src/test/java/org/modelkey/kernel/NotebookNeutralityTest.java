package org.modelkey.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the kit's notebooks runnable unchanged under this kernel, IJava and JJava (see README, "Running
 * the notebooks under JJava"), without any of them present:
 * <ol>
 * <li>only the IJava magics {@code %maven}, {@code %jars}, {@code %classpath}, {@code %load}, and no kernel's
 *     own API;</li>
 * <li>every import comes before the first variable: the cells before {@code %load setup.jsh} hold only
 *     magics, imports and comments, no later cell imports, and {@code setup.jsh} imports before anything
 *     else (JJava resets earlier variables to null when a later cell imports);</li>
 * <li>{@code setup.jsh} registers the chart and table renderers with IJava/JJava, and every cell whose
 *     saved output is an image or a table ends in the value shown (or calls {@code display}), so each kernel
 *     renders it itself.</li>
 * </ol>
 */
class NotebookNeutralityTest {

    private static final Path NOTEBOOKS = Path.of(System.getProperty("user.dir")).resolve("../../notebooks").normalize();
    private static final Set<String> IJAVA_MAGICS = Set.of("maven", "jars", "classpath", "load");
    private static final List<String> KERNEL_APIS = List.of("org.modelkey.kernel", "org.dflib", "io.github.spencerpark",
            "IJava", "JJava", "getKernelInstance", "notebookKernel");
    private static final Pattern MAGIC = Pattern.compile("^\\s*(%+)(\\S*)");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s");
    private static final String LOAD_SETUP = "%load setup.jsh";

    @TestFactory
    Stream<DynamicTest> everyNotebookIsKernelNeutral() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks NN-*.ipynb in " + NOTEBOOKS);
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> check(nb)));
    }

    @Test
    void setupImportsFirstAndRegistersTheRenderers() throws IOException {
        List<String> lines = Files.readAllLines(NOTEBOOKS.resolve("setup.jsh"), StandardCharsets.UTF_8);
        checkMagicsAndApis("setup.jsh", lines);
        boolean code = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (IMPORT.matcher(line).find()) {
                assertFalse(code, "setup.jsh line " + (i + 1) + " imports after code: move it above the first statement");
            } else if (!line.isEmpty() && !line.startsWith("//")) {
                code = true;
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.strip().startsWith("NotebookDisplay.register();")),
                "setup.jsh must call NotebookDisplay.register(), or IJava/JJava show charts and tables as text");
    }

    private static void check(Path notebook) throws IOException {
        String name = notebook.getFileName().toString();
        JsonObject nb = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            if (cell.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                cells.add(cell.getAsJsonObject());
            }
        }
        int setup = -1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = source(cells.get(i)).lines().toList();
            String where = name + " code cell " + (i + 1);
            checkMagicsAndApis(where, lines);
            if (source(cells.get(i)).strip().equals(LOAD_SETUP)) {
                assertEquals(-1, setup, name + ": '" + LOAD_SETUP + "' twice");
                setup = i;
            }
            for (String line : lines) {
                String s = line.strip();
                if (setup < 0) {
                    assertTrue(s.isEmpty() || s.startsWith("//") || s.startsWith("%") || IMPORT.matcher(s).find(),
                            where + " runs code before '" + LOAD_SETUP + "': the cells before it hold only magics and imports");
                } else if (i > setup) {
                    assertFalse(IMPORT.matcher(s).find(), where + " imports after variables exist ('" + s
                            + "'): JJava would reset them to null; move the import into the import cell before '" + LOAD_SETUP + "'");
                }
            }
            if (showsImageOrTable(cells.get(i))) {
                assertTrue(endsInValue(lines), where + " shows an image or table but does not end in that value"
                        + " (or call display): end the cell with the chart, table or image");
            }
        }
        if (setup < 0) {
            fail(name + " has no '" + LOAD_SETUP + "' cell");
        }
    }

    private static void checkMagicsAndApis(String where, List<String> lines) {
        for (String line : lines) {
            Matcher m = MAGIC.matcher(line);
            if (m.find()) {
                assertTrue(m.group(1).equals("%") && IJAVA_MAGICS.contains(m.group(2)),
                        where + " uses '" + m.group(1) + m.group(2) + "': only the IJava magics %maven, %jars, %classpath and %load run under every kernel");
            }
            String code = line.replaceAll("//.*$", "");
            for (String api : KERNEL_APIS) {
                assertFalse(code.contains(api), where + " names a kernel's own API (" + api + "): '" + line.strip() + "'");
            }
        }
    }

    private static boolean showsImageOrTable(JsonObject cell) {
        if (!cell.has("outputs")) {
            return false;
        }
        for (JsonElement out : cell.getAsJsonArray("outputs")) {
            JsonObject data = out.getAsJsonObject().getAsJsonObject("data");
            if (data != null && (data.has("image/png") || data.has("text/html"))) {
                return true;
            }
        }
        return false;
    }

    /** The last code line is an expression (a cell's value), or the cell calls {@code display}. */
    private static boolean endsInValue(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String s = lines.get(i).replaceAll("//.*$", "").strip();
            if (!s.isEmpty()) {
                return !s.endsWith(";") && !s.endsWith("}") || lines.stream().anyMatch(l -> l.contains("display("));
            }
        }
        return false;
    }

    private static String source(JsonObject cell) {
        JsonElement src = cell.get("source");
        if (src.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            src.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return src.getAsString();
    }
}
