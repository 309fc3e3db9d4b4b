package org.modelkey.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelkey.kernel.classpath.MavenResolver;
import org.modelkey.kernel.exec.SnippetEvaluator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cells with magics, run by the kernel without a Jupyter connection. */
class JavaKernelTest {

    @TempDir
    static Path dir;

    private static PrintStream out;
    private static PrintStream err;
    private static SnippetEvaluator evaluator;
    private static JavaKernel kernel;

    @BeforeAll
    static void start() throws Exception {
        out = System.out;
        err = System.err;
        evaluator = new SnippetEvaluator(List.of());
        kernel = new JavaKernel(new KernelIO(), OutputRouter.install(false), evaluator, MavenResolver.standard(), dir);
        Files.createDirectories(dir.resolve("jars"));
        Path picocli = Path.of(picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.copy(picocli, dir.resolve("jars").resolve(picocli.getFileName()));
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        System.setOut(out);
        System.setErr(err);
    }

    @Test
    void loadRunsAFileWhoseMagicsAddJars() throws Exception {
        Files.writeString(dir.resolve("setup.jsh"), "%jars jars/*.jar\nimport picocli.CommandLine;\n");

        Object value = kernel.runScript("%load setup.jsh\nCommandLine.class.getSimpleName()", "cell [1]");

        assertEquals("CommandLine", value);
    }

    @Test
    void mavenMagicAddsResolvedArtifactsOffline() throws Exception {
        Object value = kernel.runScript("%maven com.google.code.gson:gson:2.13.1\nnew com.google.gson.Gson().toJson(7)", "cell [1]");

        assertEquals("7", value);
    }

    @Test
    void aMagicAsLastLineLeavesNoValue() throws Exception {
        assertEquals(null, kernel.runScript("1 + 1\n%classpath jars", "cell [1]"));
    }

    @Test
    void unknownMagicListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kernel.runScript("int x = 1;\n%time x", "cell [3]"));

        assertTrue(e.getMessage().contains("unknown magic %time at cell [3] line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("%maven, %jars, %classpath, %load"), e.getMessage());
    }

    @Test
    void jarsRefusesFoldersAndLoadMissingFiles() {
        IllegalArgumentException folder = assertThrows(IllegalArgumentException.class, () -> kernel.runScript("%jars jars", "cell [1]"));
        assertTrue(folder.getMessage().contains("use %classpath"), folder.getMessage());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> kernel.runScript("%load nope.jsh", "cell [2]"));
        assertTrue(missing.getMessage().contains("no file " + dir.resolve("nope.jsh")), missing.getMessage());
    }

    @Test
    void isCompleteFollowsJavaSyntaxAndIgnoresMagics() {
        assertEquals("complete", kernel.isComplete("%maven g:a:1\nint x = 1;"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
    }
}
