package org.modelkey.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FfxCipherTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void matchesPyffxReadmeIntegerVector() {
        FfxCipher c = new FfxCipher(bytes("secret-key"), 10);
        assertEquals(6103, c.encryptInteger(1234, 4));
        assertEquals(1234, c.decryptInteger(6103, 4));
    }

    @Test
    void matchesPyffxStringVectorsInRadixThree() {
        // pyffx README: String(b'secret-key', alphabet='abc').encrypt('aaabbb') == 'acbacc'
        FfxCipher readme = new FfxCipher(bytes("secret-key"), 3);
        assertArrayEquals(new int[] {0, 2, 1, 0, 2, 2}, readme.encrypt(new int[] {0, 0, 0, 1, 1, 1}));
        // pyffx tests.py: String(b"foo", "abc").encrypt("cba") == "abb" (odd length: split 1 + 2)
        FfxCipher tests = new FfxCipher(bytes("foo"), 3);
        assertArrayEquals(new int[] {0, 1, 1}, tests.encrypt(new int[] {2, 1, 0}));
        assertArrayEquals(new int[] {2, 1, 0}, tests.decrypt(new int[] {0, 1, 1}));
    }

    @Test
    void threeDigitIntegersFormABijectionOn0To999() {
        FfxCipher c = new FfxCipher(bytes("password"), 10);
        Set<Integer> images = new HashSet<>();
        for (int v = 0; v < 1000; v++) {
            int e = c.encryptInteger(v, 3);
            assertTrue(e >= 0 && e < 1000);
            assertEquals(v, c.decryptInteger(e, 3));
            images.add(e);
        }
        assertEquals(1000, images.size());
    }

    @Test
    void longValuesNeedSeveralDigestBlocksAndStillInvert() {
        // 200 digits: halves of 100 digits need three 48-digit digest blocks per round.
        FfxCipher c = new FfxCipher(bytes("foo"), 10);
        int[] one = new int[200];
        one[199] = 1;
        int[] enc = c.encrypt(one);
        assertArrayEquals(one, c.decrypt(enc));
    }

    @Test
    void rejectsBadInputWithTheFix() {
        FfxCipher c = new FfxCipher(bytes("k"), 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.encryptInteger(1000, 3));
        assertTrue(e.getMessage().contains("0..999"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.encrypt(new int[] {1, 12}));
        assertThrows(IllegalArgumentException.class, () -> new FfxCipher(new byte[0], 10));
    }
}
