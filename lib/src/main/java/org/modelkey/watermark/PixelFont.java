package org.modelkey.watermark;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A 3×5 pixel font (capital letters, digits, space) for stamping text on small images, as Zhang et
 * al.'s content key samples write "TEST" on 28×28 and 32×32 images. Glyphs are one pixel apart.
 */
final class PixelFont {

    static final int GLYPH_WIDTH = 3;
    static final int GLYPH_HEIGHT = 5;
    static final int SPACING = 1;

    private static final Map<Character, String> GLYPHS = new HashMap<>();

    static {
        glyph('A', ".#.", "#.#", "###", "#.#", "#.#");
        glyph('B', "##.", "#.#", "##.", "#.#", "##.");
        glyph('C', ".##", "#..", "#..", "#..", ".##");
        glyph('D', "##.", "#.#", "#.#", "#.#", "##.");
        glyph('E', "###", "#..", "##.", "#..", "###");
        glyph('F', "###", "#..", "##.", "#..", "#..");
        glyph('G', ".##", "#..", "#.#", "#.#", ".##");
        glyph('H', "#.#", "#.#", "###", "#.#", "#.#");
        glyph('I', "###", ".#.", ".#.", ".#.", "###");
        glyph('J', "..#", "..#", "..#", "#.#", ".#.");
        glyph('K', "#.#", "#.#", "##.", "#.#", "#.#");
        glyph('L', "#..", "#..", "#..", "#..", "###");
        glyph('M', "#.#", "###", "###", "#.#", "#.#");
        glyph('N', "##.", "#.#", "#.#", "#.#", "#.#");
        glyph('O', ".#.", "#.#", "#.#", "#.#", ".#.");
        glyph('P', "##.", "#.#", "##.", "#..", "#..");
        glyph('Q', ".#.", "#.#", "#.#", "##.", ".##");
        glyph('R', "##.", "#.#", "##.", "#.#", "#.#");
        glyph('S', ".##", "#..", ".#.", "..#", "##.");
        glyph('T', "###", ".#.", ".#.", ".#.", ".#.");
        glyph('U', "#.#", "#.#", "#.#", "#.#", "###");
        glyph('V', "#.#", "#.#", "#.#", "#.#", ".#.");
        glyph('W', "#.#", "#.#", "###", "###", "#.#");
        glyph('X', "#.#", "#.#", ".#.", "#.#", "#.#");
        glyph('Y', "#.#", "#.#", ".#.", ".#.", ".#.");
        glyph('Z', "###", "..#", ".#.", "#..", "###");
        glyph('0', "###", "#.#", "#.#", "#.#", "###");
        glyph('1', ".#.", "##.", ".#.", ".#.", "###");
        glyph('2', "##.", "..#", ".#.", "#..", "###");
        glyph('3', "##.", "..#", ".#.", "..#", "##.");
        glyph('4', "#.#", "#.#", "###", "..#", "..#");
        glyph('5', "###", "#..", "##.", "..#", "##.");
        glyph('6', ".##", "#..", "###", "#.#", "###");
        glyph('7', "###", "..#", ".#.", ".#.", ".#.");
        glyph('8', "###", "#.#", "###", "#.#", "###");
        glyph('9', "###", "#.#", "###", "..#", "##.");
        glyph(' ', "...", "...", "...", "...", "...");
    }

    private PixelFont() {}

    private static void glyph(char c, String... rows) {
        GLYPHS.put(c, String.join("", rows));
    }

    /** Width in pixels of {@code text} at scale 1. */
    static int width(String text) {
        return text.length() * (GLYPH_WIDTH + SPACING) - SPACING;
    }

    /**
     * A text × scale bitmap, {@code true} where the text has ink, row-major with
     * {@code width(text) * scale} columns and {@code GLYPH_HEIGHT * scale} rows.
     *
     * @throws IllegalArgumentException if a character has no glyph
     */
    static boolean[] render(String text, int scale) {
        String upper = text.toUpperCase(Locale.ROOT);
        int cols = width(upper) * scale;
        boolean[] ink = new boolean[cols * GLYPH_HEIGHT * scale];
        for (int g = 0; g < upper.length(); g++) {
            String glyph = GLYPHS.get(upper.charAt(g));
            if (glyph == null) {
                throw new IllegalArgumentException("character '" + text.charAt(g) + "' of stamp text \"" + text
                        + "\" has no glyph: use letters A-Z, digits and spaces");
            }
            for (int r = 0; r < GLYPH_HEIGHT * scale; r++) {
                for (int c = 0; c < GLYPH_WIDTH * scale; c++) {
                    if (glyph.charAt((r / scale) * GLYPH_WIDTH + c / scale) == '#') {
                        ink[r * cols + g * (GLYPH_WIDTH + SPACING) * scale + c] = true;
                    }
                }
            }
        }
        return ink;
    }
}
