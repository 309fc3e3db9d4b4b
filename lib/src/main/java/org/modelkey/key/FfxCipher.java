package org.modelkey.key;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * FFX format-preserving encryption (Bellare, Rogaway, Spies: "The FFX mode of operation",
 * method 2: alternating Feistel with modular addition) exactly as the {@code pyffx} library
 * computes it, which the authors used for the FFX transform. Keeping the bit-level details of
 * pyffx makes the 256-entry lookup table built here equal to the authors' table.
 *
 * <p>A value is a digit string of length n in radix r, split into a = the first ⌊n/2⌋ digits and
 * b = the rest. Each round i computes c = a + F(i, b) digit-wise mod r and sets (a, b) = (b, c).
 * The round function F(i, b) is HMAC-SHA1 keyed by the password over the bytes of i and of every
 * digit of b, each a little-endian 32-bit unsigned integer, followed by a 32-bit block counter;
 * the 160-bit digest read as a big-endian number gives ⌊20·log_r(256)⌋ digits, least significant
 * first. When more digits are needed the next block hashes the previous digest and the incremented
 * counter.
 */
public final class FfxCipher {

    /** Rounds pyffx uses by default, and the authors with it. */
    public static final int DEFAULT_ROUNDS = 10;

    private static final int DIGEST_BYTES = 20;

    private final SecretKeySpec macKey;
    private final int radix;
    private final int rounds;
    private final int digitsPerDigest;

    /** A cipher over digits in the given radix with {@link #DEFAULT_ROUNDS} rounds. */
    public FfxCipher(byte[] password, int radix) {
        this(password, radix, DEFAULT_ROUNDS);
    }

    public FfxCipher(byte[] password, int radix, int rounds) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("FFX password is empty: give at least one byte");
        }
        if (radix < 2) {
            throw new IllegalArgumentException("FFX radix " + radix + " is below 2: use 10 for decimal digits");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("FFX rounds " + rounds + " is below 1: use " + DEFAULT_ROUNDS);
        }
        this.macKey = new SecretKeySpec(password, "HmacSHA1");
        this.radix = radix;
        this.rounds = rounds;
        this.digitsPerDigest = (int) (DIGEST_BYTES * (Math.log(256) / Math.log(radix)));
    }

    /** Enciphers a digit string (each digit in 0..radix-1); the result has the same length. */
    public int[] encrypt(int[] digits) {
        checkDigits(digits);
        int split = digits.length / 2;
        int[] a = Arrays.copyOfRange(digits, 0, split);
        int[] b = Arrays.copyOfRange(digits, split, digits.length);
        Mac mac = newMac();
        for (int i = 0; i < rounds; i++) {
            int[] f = roundDigits(mac, i, b, a.length);
            int[] c = new int[a.length];
            for (int k = 0; k < c.length; k++) {
                c[k] = (a[k] + f[k]) % radix;
            }
            a = b;
            b = c;
        }
        return concat(a, b);
    }

    /** Deciphers a digit string made by {@link #encrypt(int[])}. */
    public int[] decrypt(int[] digits) {
        checkDigits(digits);
        int split = digits.length / 2;
        int[] a = Arrays.copyOfRange(digits, 0, split);
        int[] b = Arrays.copyOfRange(digits, split, digits.length);
        Mac mac = newMac();
        for (int i = rounds - 1; i >= 0; i--) {
            int[] c = b;
            b = a;
            int[] f = roundDigits(mac, i, b, c.length);
            a = new int[c.length];
            for (int k = 0; k < a.length; k++) {
                a[k] = Math.floorMod(c[k] - f[k], radix);
            }
        }
        return concat(a, b);
    }

    /** Enciphers an integer written with {@code length} decimal digits (pyffx's {@code Integer}). */
    public int encryptInteger(int value, int length) {
        return fromDigits(encrypt(toDigits(value, length)));
    }

    /** Inverse of {@link #encryptInteger(int, int)}. */
    public int decryptInteger(int value, int length) {
        return fromDigits(decrypt(toDigits(value, length)));
    }

    private int[] roundDigits(Mac mac, int round, int[] b, int count) {
        ByteBuffer message = ByteBuffer.allocate(4 * (b.length + 2)).order(ByteOrder.LITTLE_ENDIAN);
        message.putInt(round);
        for (int digit : b) {
            message.putInt(digit);
        }
        byte[] prefix = Arrays.copyOf(message.array(), 4 * (b.length + 1));
        int[] out = new int[count];
        BigInteger r = BigInteger.valueOf(radix);
        int produced = 0;
        for (int block = 0; produced < count; block++) {
            mac.update(prefix);
            mac.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(block).array());
            byte[] digest = mac.doFinal();
            BigInteger d = new BigInteger(1, digest);
            for (int k = 0; k < digitsPerDigest && produced < count; k++) {
                BigInteger[] qr = d.divideAndRemainder(r);
                out[produced++] = qr[1].intValue();
                d = qr[0];
            }
            prefix = digest;
        }
        return out;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(macKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime lacks HmacSHA1, which every Java SE runtime must provide", e);
        }
    }

    private void checkDigits(int[] digits) {
        if (digits.length < 2) {
            throw new IllegalArgumentException("FFX needs at least 2 digits, got " + digits.length
                    + ": pad the value with leading zeros");
        }
        for (int d : digits) {
            if (d < 0 || d >= radix) {
                throw new IllegalArgumentException("digit " + d + " is outside radix " + radix
                        + ": give digits in 0.." + (radix - 1));
            }
        }
    }

    private int[] toDigits(int value, int length) {
        if (radix != 10) {
            throw new IllegalStateException("integers need radix 10, this cipher has radix " + radix
                    + ": build it with new FfxCipher(password, 10)");
        }
        String s = Integer.toString(value);
        if (value < 0 || s.length() > length) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + length
                    + " decimal digits: give 0.." + ("9".repeat(Math.max(length, 1))));
        }
        int[] digits = new int[length];
        for (int k = 0; k < s.length(); k++) {
            digits[length - s.length() + k] = s.charAt(k) - '0';
        }
        return digits;
    }

    private static int fromDigits(int[] digits) {
        int v = 0;
        for (int d : digits) {
            v = v * 10 + d;
        }
        return v;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
