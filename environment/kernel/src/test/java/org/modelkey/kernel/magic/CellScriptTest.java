package org.modelkey.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellScriptTest {

    @Test
    void keepsCodeAndMagicsInOrderWithTheirLines() {
        List<CellScript.Part> parts = CellScript.parse("%maven g:a:1\nint x = 1;\n  %jars lib/*.jar\nx + 1");
        assertEquals(4, parts.size());
        assertTrue(parts.get(0).isMagic());
        assertEquals("maven", parts.get(0).magic().name());
        assertEquals(0, parts.get(0).firstLine());
        assertEquals("int x = 1;\n", parts.get(1).code());
        assertEquals(1, parts.get(1).firstLine());
        assertEquals(List.of("lib/*.jar"), parts.get(2).magic().args());
        assertEquals(2, parts.get(2).firstLine());
        assertEquals("x + 1\n", parts.get(3).code());
        assertEquals(3, parts.get(3).firstLine());
    }

    @Test
    void moduloAtTheStartOfALineIsJava() {
        List<CellScript.Part> parts = CellScript.parse("int r = 7\n% 3;");
        assertEquals(1, parts.size());
        assertFalse(parts.get(0).isMagic());
    }

    @Test
    void percentLinesInsideATextBlockAreJava() {
        List<CellScript.Part> parts = CellScript.parse("String format = \"\"\"\n%d keys\n\"\"\";\n%jars lib/*.jar");
        assertEquals(2, parts.size());
        assertEquals("String format = \"\"\"\n%d keys\n\"\"\";\n", parts.get(0).code());
        assertTrue(parts.get(1).isMagic());
    }

    @Test
    void blankCodeBetweenMagicsIsDropped() {
        List<CellScript.Part> parts = CellScript.parse("%maven g:a:1\n\n   \n%load setup.jsh\n");
        assertEquals(2, parts.size());
        assertTrue(parts.stream().allMatch(CellScript.Part::isMagic));
    }

    @Test
    void cellMagicsAreRefusedWithTheAlternative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellScript.parse("%%time\nint x = 1;"));
        assertTrue(e.getMessage().contains("%%time"), e.getMessage());
        assertTrue(e.getMessage().contains("%maven"), e.getMessage());
    }
}
