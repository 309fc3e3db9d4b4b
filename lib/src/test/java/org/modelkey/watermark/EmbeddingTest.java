package org.modelkey.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddingTest {

    @Test
    void variantsNameTheMethodAndTheDecoysAndEqualSettingsAreEqual() {
        KeyedNoise key = new KeyedNoise(0.1, 1);
        Embedding slides = Embedding.of(WatermarkMethod.NEW_LABEL, 0.01, key);
        assertEquals("new_label", slides.variant());
        assertFalse(slides.specific());
        assertEquals("new_label+decoys", slides.withDecoys(0.05).variant());
        assertTrue(slides.withDecoys(0.05).specific());
        assertEquals("zhang2018", Embedding.of(WatermarkMethod.EXISTING_LABEL, 0.01, key).variant());
        assertEquals(slides, Embedding.of(WatermarkMethod.NEW_LABEL, 0.01, key));
        assertNotEquals(slides, slides.withPattern(new KeyedNoise(0.1, 2)));
        assertEquals(0.1, slides.beta());
        assertEquals(3, WatermarkMethod.NEW_LABEL.label(3).label());
        assertEquals(WatermarkMethod.ZHANG_LABEL, WatermarkMethod.EXISTING_LABEL.label(3).label());
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        KeyedNoise key = new KeyedNoise(0.1, 1);
        assertThrows(IllegalArgumentException.class, () -> Embedding.of(WatermarkMethod.NEW_LABEL, 0, key));
        assertThrows(IllegalArgumentException.class, () -> Embedding.of(WatermarkMethod.NEW_LABEL, 0.01, key).withDecoys(1.5));
    }

    @Test
    void theTextNamesTheKeyByItsRandomIdOnly() {
        KeyedNoise key = new KeyedNoise(0.1, 123456789L);
        String text = Embedding.of(WatermarkMethod.NEW_LABEL, 0.01, key).toString();
        assertTrue(text.contains(key.id()));
        assertFalse(text.contains("123456789"));
    }
}
