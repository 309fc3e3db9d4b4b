package org.modelkey.key;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** The checks, draws and counts shared by the {@link SecretKey} records. */
final class KeyMaterial {

    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int PASSWORD_LENGTH = 16;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final SecureRandom ID_SOURCE = new SecureRandom();

    private KeyMaterial() {}

    /** A fresh key id: 64 bits from {@link SecureRandom} as 16 hex digits. */
    static String newId() {
        return HexFormat.of().toHexDigits(ID_SOURCE.nextLong());
    }

    static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key id '" + id + "' is not 16 lower-case hex digits: "
                    + "let the key draw its id (SecretKey.of, fromSeed, random)");
        }
    }

    static SecretKey draw(KeyKind kind, int blockSize, int channels, RandomGenerator rng) {
        Objects.requireNonNull(kind, "key kind");
        int length = checkedLength(blockSize, channels, kind);
        int[] p = new int[length];
        for (int i = 0; i < length; i++) {
            p[i] = i;
        }
        for (int i = length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        if (kind == KeyKind.SHF) {
            return new SecretKey.Shf(blockSize, channels, p, newId());
        }
        int[] selected = Arrays.copyOf(p, length / 2);
        if (kind == KeyKind.NP) {
            return new SecretKey.Np(blockSize, channels, selected, newId());
        }
        char[] chars = new char[PASSWORD_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = PASSWORD_ALPHABET[rng.nextInt(PASSWORD_ALPHABET.length)];
        }
        return new SecretKey.Ffx(blockSize, channels, selected, new String(chars), newId());
    }

    /**
     * {@code count} distinct keys of {@code key}'s kind, M and C drawn from {@code seed}, none equal to
     * {@code key}; FFX keys keep {@code key}'s password when {@code samePassword} holds.
     */
    static List<SecretKey> incorrect(SecretKey key, int count, long seed, boolean samePassword) {
        if (count < 0) {
            throw new IllegalArgumentException("incorrect key count " + count + " is negative: give 0 or more");
        }
        boolean keep = samePassword && key instanceof SecretKey.Ffx;
        BigInteger space = keySpace(key, BigInteger.valueOf(count));
        if (keep) {
            space = space.divide(BigInteger.valueOf(PASSWORD_ALPHABET.length).pow(PASSWORD_LENGTH));
        }
        BigInteger available = space.subtract(BigInteger.ONE);
        if (BigInteger.valueOf(count).compareTo(available) > 0) {
            throw new IllegalArgumentException("asked for " + count + " incorrect " + key.kind() + " keys but M="
                    + key.blockSize() + ", C=" + key.channels() + " allows only " + available
                    + (keep ? " with the same password" : "") + ": ask for fewer or use a larger block");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Set<SecretKey> keys = new LinkedHashSet<>();
        while (keys.size() < count) {
            SecretKey k = draw(key.kind(), key.blockSize(), key.channels(), rng);
            if (keep) {
                k = ((SecretKey.Ffx) k).withPassword(((SecretKey.Ffx) key).password());
            }
            if (!k.equals(key)) {
                keys.add(k);
            }
        }
        return List.copyOf(keys);
    }

    /** The key space of {@code key}'s kind, M and C, or any number above {@code cap} once the count passes it. */
    static BigInteger keySpace(SecretKey key, BigInteger cap) {
        int length = key.length();
        BigInteger n = BigInteger.ONE;
        if (key instanceof SecretKey.Shf) {
            for (int i = 2; i <= length && (cap == null || n.compareTo(cap) <= 0); i++) {
                n = n.multiply(BigInteger.valueOf(i));
            }
            return n;
        }
        int half = length / 2;
        for (int i = 0; i < half && (cap == null || n.compareTo(cap) <= 0); i++) {
            n = n.multiply(BigInteger.valueOf(length - i)).divide(BigInteger.valueOf(i + 1));
        }
        if (key instanceof SecretKey.Ffx) {
            n = n.multiply(BigInteger.valueOf(PASSWORD_ALPHABET.length).pow(PASSWORD_LENGTH));
        }
        return n;
    }

    /** log2 of the key space as a sum of logarithms (L! of a whole-image block is too large to multiply out). */
    static double keySpaceBits(SecretKey key) {
        int length = key.length();
        double bits = 0;
        if (key instanceof SecretKey.Shf) {
            for (int i = 2; i <= length; i++) {
                bits += Math.log(i);
            }
        } else {
            for (int i = 0; i < length / 2; i++) {
                bits += Math.log(length - i) - Math.log(i + 1);
            }
            if (key instanceof SecretKey.Ffx) {
                bits += PASSWORD_LENGTH * Math.log(PASSWORD_ALPHABET.length);
            }
        }
        return bits / Math.log(2);
    }

    static int checkedLength(int blockSize, int channels, KeyKind kind) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size M=" + blockSize + " is not positive: use M >= 1 (the papers use 2, 4, 8, 16)");
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channel count C=" + channels + " is not positive: use 3 for RGB or 1 for grey images");
        }
        long length = (long) blockSize * blockSize * channels;
        if (length > 1 << 24) {
            throw new IllegalArgumentException("block of M=" + blockSize + ", C=" + channels + " has " + length
                    + " positions, more than 2^24: use a smaller block size");
        }
        if (kind != KeyKind.SHF && length < 2) {
            throw new IllegalArgumentException("a " + kind + " mask over L=" + length
                    + " position selects nothing: use M >= 2 or more channels");
        }
        return (int) length;
    }

    /** A checked copy of an SHF permutation of 0..length-1. */
    static int[] checkPermutation(int[] permutation, int length) {
        int[] p = Objects.requireNonNull(permutation, "SHF permutation").clone();
        if (p.length != length) {
            throw new IllegalArgumentException("SHF permutation has " + p.length + " entries but M·M·C = " + length
                    + ": give a permutation of 0.." + (length - 1));
        }
        boolean[] seen = new boolean[length];
        for (int v : p) {
            if (v < 0 || v >= length || seen[v]) {
                throw new IllegalArgumentException("SHF permutation entry " + v + " is out of range or repeated: "
                        + "give each of 0.." + (length - 1) + " exactly once");
            }
            seen[v] = true;
        }
        return p;
    }

    /** A checked, sorted copy of the ⌊length/2⌋ selected positions of a mask. */
    static int[] checkMask(int[] positions, int length) {
        int[] sorted = Objects.requireNonNull(positions, "mask positions").clone();
        Arrays.sort(sorted);
        if (sorted.length != length / 2) {
            throw new IllegalArgumentException("mask selects " + sorted.length + " positions but half of L=" + length
                    + " is " + length / 2 + ": select exactly " + length / 2 + " positions");
        }
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || sorted[i] >= length || (i > 0 && sorted[i] == sorted[i - 1])) {
                throw new IllegalArgumentException("mask position " + sorted[i] + " is out of range or repeated: "
                        + "give distinct positions in 0.." + (length - 1));
            }
        }
        return sorted;
    }

    static boolean sameMaterial(SecretKey a, SecretKey b) {
        return a.blockSize() == b.blockSize() && a.channels() == b.channels() && Arrays.equals(a.positions(), b.positions());
    }

    static int hash(SecretKey key) {
        return Objects.hash(key.kind(), key.blockSize(), key.channels()) * 31 + Arrays.hashCode(key.positions());
    }

    /** Kind, M, C and id; never the secret. */
    static String describe(SecretKey key) {
        return key.kind() + " key (M=" + key.blockSize() + ", C=" + key.channels() + ", id " + key.id() + ")";
    }
}
