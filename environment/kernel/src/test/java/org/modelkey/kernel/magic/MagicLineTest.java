package org.modelkey.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicLineTest {

    @Test
    void splitsNameAndSeveralArguments() {
        MagicLine magic = MagicLine.parse("maven  com.google.code.gson:gson:2.13.1\tai.djl:api:0.36.0 ", 4);
        assertEquals("maven", magic.name());
        assertEquals(List.of("com.google.code.gson:gson:2.13.1", "ai.djl:api:0.36.0"), magic.args());
        assertEquals(4, magic.line());
    }

    @Test
    void quotesAndBackslashesKeepBlanksInsideAnArgument() {
        assertEquals(List.of("my file.jsh", "a b.jar", "say \"hi\""),
                MagicLine.parse("load \"my file.jsh\" a\\ b.jar \"say \\\"hi\\\"\"", 0).args());
    }

    @Test
    void magicWithoutArgumentsHasAnEmptyList() {
        assertEquals(List.of(), MagicLine.parse("classpath", 0).args());
    }

    @Test
    void unclosedQuoteIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MagicLine.parse("load \"setup.jsh", 0));
        assertTrue(e.getMessage().contains("unclosed quote"), e.getMessage());
        assertTrue(e.getMessage().contains("close the \""), e.getMessage());
    }
}
