package org.modelkey.kernel.exec;

import com.google.gson.Gson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modelkey.kernel.api.Notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnippetEvaluatorTest {

    private static SnippetEvaluator java;

    @BeforeAll
    static void start() {
        java = new SnippetEvaluator(List.of());
    }

    @BeforeEach
    void newCell() {
        java.beginCell();
    }

    @AfterAll
    static void stop() {
        java.close();
    }

    @Test
    void trailingExpressionComesBackAsTheObjectItself() throws CellError {
        Object list = java.evaluate("var names = new java.util.ArrayList<String>();\nnames.add(\"SHF\");\nnames", "cell [1]", 0);
        assertEquals(List.of("SHF"), list);
        assertEquals(3, java.evaluate("1 + 2", "cell [2]", 0));
    }

    @Test
    void declarationsAndStatementsHaveNoValue() throws CellError {
        assertNull(java.evaluate("int declared = 5;", "cell [1]", 0));
        assertNull(java.evaluate("void twice() {}\nimport java.util.Map;", "cell [2]", 0));
        assertEquals(10, java.evaluate("declared * 2", "cell [3]", 0));
    }

    @Test
    void compileErrorNamesTheCellLineAndPointsAtTheCode() {
        CellError e = assertThrows(CellError.class,
                () -> java.evaluate("int fine = 1;\nint broken = missingName + 1;", "cell [7]", 2));

        assertEquals("CompilationException", e.name());
        assertTrue(e.value().contains("cannot find symbol (cell [7] line 4)"), e.value());
        assertTrue(e.traceback().contains("    int broken = missingName + 1;"), e.traceback().toString());
        assertTrue(e.traceback().contains("                 ^^^^^^^^^^^"), e.traceback().toString());
    }

    @Test
    void exceptionKeepsItsRealTypeAndOnlyTheNotebookFrames() {
        CellError e = assertThrows(CellError.class,
                () -> java.evaluate("int[] slots = new int[1];\nslots[3] = 1;", "cell [4]", 0));

        assertEquals("java.lang.ArrayIndexOutOfBoundsException", e.name());
        assertTrue(e.value().contains("Index 3 out of bounds"), e.value());
        assertTrue(e.traceback().contains("\tat cell [4] line 2"), e.traceback().toString());
        assertTrue(e.traceback().stream().noneMatch(l -> l.contains("org.modelkey.kernel") || l.contains("jdk.jshell")),
                e.traceback().toString());
    }

    @Test
    void framesOfMethodsDeclaredInEarlierCellsNameThatCell() throws CellError {
        java.evaluate("int divide(int a, int b) {\n  return a / b;\n}", "cell [1]", 0);

        CellError e = assertThrows(CellError.class, () -> java.evaluate("divide(1, 0)", "cell [2]", 0));

        assertEquals("java.lang.ArithmeticException", e.name());
        assertTrue(e.traceback().contains("\tat divide (cell [1] line 2)"), e.traceback().toString());
        assertTrue(e.traceback().contains("\tat cell [2] line 1"), e.traceback().toString());
    }

    @Test
    void causesAreListed() {
        CellError e = assertThrows(CellError.class, () -> java.evaluate(
                "throw new RuntimeException(\"outer\", new IllegalStateException(\"inner\"));", "cell [1]", 0));

        assertEquals("java.lang.RuntimeException", e.name());
        assertTrue(e.traceback().contains("Caused by: java.lang.IllegalStateException: inner"), e.traceback().toString());
    }

    @Test
    void incompleteCodeIsACompileError() {
        CellError e = assertThrows(CellError.class,
                () -> java.evaluate("for (int i = 0; i < 3; i++) {", "cell [1]", 0));
        assertTrue(e.value().contains("incomplete code at cell [1] line 1"), e.value());
    }

    @Test
    void declarationWithUnknownSymbolFailsAtOnce() {
        CellError e = assertThrows(CellError.class,
                () -> java.evaluate("void later() { notDeclaredYet(); }", "cell [5]", 0));
        assertEquals("CompilationException", e.name());
        assertTrue(e.value().contains("notDeclaredYet"), e.value());
    }

    @Test
    void classpathIsTheNotebooksOwnAndReachesTheContextClassLoader() throws Exception {
        assertThrows(CellError.class, () -> java.evaluate("com.google.gson.Gson.class", "cell [1]", 0),
                "the kernel's own libraries stay out of the notebook");

        java.addToClasspath(Path.of(Gson.class.getProtectionDomain().getCodeSource().getLocation().toURI()));

        assertEquals("[1,2]", java.evaluate("new com.google.gson.Gson().toJson(new int[] {1, 2})", "cell [2]", 0));
        assertEquals(true, java.evaluate(
                "Thread.currentThread().getContextClassLoader() == com.google.gson.Gson.class.getClassLoader()", "cell [3]", 0));
        assertEquals(java.classLoader(), java.evaluate("com.google.gson.Gson.class.getClassLoader()", "cell [4]", 0));
    }

    @Test
    void displayReachesTheKernel() throws CellError {
        List<Object> shown = new ArrayList<>();
        Notebook.connect(value -> {
            shown.add(value);
            return "id-" + shown.size();
        });

        assertEquals("id-1", java.evaluate("display(\"figure\")", "cell [1]", 0));
        assertEquals(List.of("figure"), shown);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void interruptStopsEvenABusyLoopAndTheKernelGoesOn() throws Exception {
        CompletableFuture<CellError> run = CompletableFuture.supplyAsync(() -> {
            try {
                java.evaluate("long spins = 0;\nwhile (true) { spins++; }", "cell [1]", 0);
                return null;
            } catch (CellError e) {
                return e;
            }
        });
        Thread.sleep(500);
        assertFalse(run.isDone());

        java.interrupt();
        CellError e = run.get(10, TimeUnit.SECONDS);

        assertTrue(e.value().startsWith("interrupted"), e.name() + ": " + e.value());
        assertTrue(e.traceback().get(0).contains("interrupted by the user"), e.traceback().toString());
        java.beginCell();
        assertEquals(4, java.evaluate("2 + 2", "cell [2]", 0));
    }

    @Test
    void interruptBeforeASnippetStartsKeepsItFromRunning() throws CellError {
        java.interrupt();

        CellError e = assertThrows(CellError.class, () -> java.evaluate("int neverSet = 1;", "cell [1]", 0));

        assertEquals("java.lang.InterruptedException", e.name());
        java.beginCell();
        assertEquals(1, java.evaluate("1", "cell [2]", 0));
    }
}
