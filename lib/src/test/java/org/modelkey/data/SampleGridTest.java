package org.modelkey.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleGridTest {

    @Test
    void vocColoursMatchThePublishedPalette() {
        assertEquals(0x000000, VocPalette.rgb(0));
        assertEquals(0x800000, VocPalette.rgb(1));
        assertEquals(0xC08080, VocPalette.rgb(15));
        assertEquals(0xE0E0C0, VocPalette.rgb(255));
        assertEquals(0xC08080, VocPalette.colorModel().getRGB(15) & 0xffffff);
    }

    @Test
    void segmentationTilesShowTheImageThenItsMask() throws IOException {
        byte[] pixels = new byte[3 * 3 * 2 * 2];
        java.util.Arrays.fill(pixels, (byte) 255);
        byte[] masks = new byte[3 * 2 * 2];
        masks[0] = 1;
        ByteImages set = new ByteImages(3, 3, 2, 2, ByteBuffer.wrap(pixels), null, ByteBuffer.wrap(masks), null,
                List.of("background", "x"));
        BufferedImage grid = SampleGrid.render(set, 3, 2, 5);
        int cellW = 2 * 10 + 2 * 2;
        assertEquals(2 * cellW, grid.getWidth());
        assertEquals(2 * (10 + 2), grid.getHeight());
        assertEquals(0xFFFFFF, grid.getRGB(0, 0) & 0xffffff);
        assertEquals(0x800000, grid.getRGB(12, 0) & 0xffffff);
        assertEquals(0x000000, grid.getRGB(12 + 5, 0) & 0xffffff);
        assertThrows(IllegalArgumentException.class, () -> SampleGrid.render(set, 0, 1, 1));
    }
}
