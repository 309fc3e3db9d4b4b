package org.modelkey.key;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A secret key of a block-wise transform: its kind, the block size M, the channel count C and the
 * secret itself over the L = M·M·C positions of a flattened block (segmentation paper, Sec. 3.2):
 * a permutation for {@link KeyKind#SHF}; a mask of ⌊L/2⌋ positions for {@link KeyKind#NP} and
 * {@link KeyKind#FFX}, which also carries a password. Immutable.
 *
 * <p>Keys come from a seed (reproducible: {@link SplittableRandom}, a Fisher–Yates shuffle) or from
 * {@link SecureRandom}. The {@link #fingerprint()} names a key in results and logs without
 * revealing it; {@link #toString()} never shows the secret.
 */
public final class SecretKey {

    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int PASSWORD_LENGTH = 16;
    private static final int FINGERPRINT_HEX_DIGITS = 12;

    private final KeyKind kind;
    private final int blockSize;
    private final int channels;
    private final int[] positions;
    private final String password;
    private final String fingerprint;

    private SecretKey(KeyKind kind, int blockSize, int channels, int[] positions, String password) {
        this.kind = kind;
        this.blockSize = blockSize;
        this.channels = channels;
        this.positions = positions;
        this.password = password;
        this.fingerprint = computeFingerprint();
    }

    /**
     * A key from its parts, as stored in a key file: {@code positions} is the permutation (SHF) or
     * the selected positions (NP, FFX, any order); {@code password} is required for FFX only.
     */
    public static SecretKey of(KeyKind kind, int blockSize, int channels, int[] positions, String password) {
        Objects.requireNonNull(kind, "key kind");
        int length = checkedLength(blockSize, channels, kind);
        Objects.requireNonNull(positions, "key positions");
        int[] p = positions.clone();
        if (kind == KeyKind.SHF) {
            checkPermutation(p, length);
        } else {
            Arrays.sort(p);
            checkMask(p, length);
        }
        if (kind == KeyKind.FFX && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("an FFX key needs a password: give one or let the key draw it");
        }
        if (kind != KeyKind.FFX && password != null) {
            throw new IllegalArgumentException("a " + kind + " key has no password: drop it or use kind FFX");
        }
        return new SecretKey(kind, blockSize, channels, p, password);
    }

    /** A reproducible key drawn from {@code seed}; an FFX key draws its password from the seed too. */
    public static SecretKey fromSeed(KeyKind kind, int blockSize, int channels, long seed) {
        return draw(kind, blockSize, channels, new SplittableRandom(seed));
    }

    /** A key drawn from {@link SecureRandom}, for real use. */
    public static SecretKey random(KeyKind kind, int blockSize, int channels) {
        return draw(kind, blockSize, channels, new SecureRandom());
    }

    /** This FFX key with the given password instead of the drawn one (the authors used a fixed password). */
    public SecretKey withPassword(String newPassword) {
        if (kind != KeyKind.FFX) {
            throw new IllegalStateException("only FFX keys have a password, this key is " + kind + ": use KeyKind.FFX");
        }
        return of(kind, blockSize, channels, positions, newPassword);
    }

    /**
     * {@code count} incorrect keys: same kind, M and C, drawn from {@code seed}, all different from
     * this key and from each other (the papers average over 100 of them).
     */
    public List<SecretKey> incorrectKeys(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("incorrect key count " + count + " is negative: give 0 or more");
        }
        BigInteger available = keySpace().subtract(BigInteger.ONE);
        if (BigInteger.valueOf(count).compareTo(available) > 0) {
            throw new IllegalArgumentException("asked for " + count + " incorrect " + kind + " keys but M=" + blockSize
                    + ", C=" + channels + " allows only " + available + ": ask for fewer or use a larger block");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Set<SecretKey> keys = new LinkedHashSet<>();
        while (keys.size() < count) {
            SecretKey k = draw(kind, blockSize, channels, rng);
            if (!k.equals(this)) {
                keys.add(k);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * Number of distinct keys of this kind, M and C: L! for SHF, C(L, ⌊L/2⌋) for NP (the papers'
     * 2^L counts every mask, not only half-masks); FFX adds the password space, so it is at least this.
     */
    public BigInteger keySpace() {
        int length = length();
        BigInteger n = BigInteger.ONE;
        if (kind == KeyKind.SHF) {
            for (int i = 2; i <= length; i++) {
                n = n.multiply(BigInteger.valueOf(i));
            }
            return n;
        }
        int half = length / 2;
        for (int i = 0; i < half; i++) {
            n = n.multiply(BigInteger.valueOf(length - i)).divide(BigInteger.valueOf(i + 1));
        }
        if (kind == KeyKind.FFX) {
            n = n.multiply(BigInteger.valueOf(PASSWORD_ALPHABET.length).pow(PASSWORD_LENGTH));
        }
        return n;
    }

    public KeyKind kind() {
        return kind;
    }

    /** Block size M. */
    public int blockSize() {
        return blockSize;
    }

    /** Channel count C. */
    public int channels() {
        return channels;
    }

    /** Length L = M·M·C of a flattened block. */
    public int length() {
        return blockSize * blockSize * channels;
    }

    /** The SHF permutation p: output[k] = input[p[k]]. */
    public int[] permutation() {
        if (kind != KeyKind.SHF) {
            throw new IllegalStateException("a " + kind + " key is a mask, not a permutation: use mask()");
        }
        return positions.clone();
    }

    /** The NP / FFX mask: true at the ⌊L/2⌋ selected positions. */
    public boolean[] mask() {
        if (kind == KeyKind.SHF) {
            throw new IllegalStateException("an SHF key is a permutation, not a mask: use permutation()");
        }
        boolean[] mask = new boolean[length()];
        for (int p : positions) {
            mask[p] = true;
        }
        return mask;
    }

    /** The permutation (SHF) or the sorted selected positions (NP, FFX), as a key file stores them. */
    public int[] positions() {
        return positions.clone();
    }

    /** The FFX password; null for SHF and NP. */
    public String password() {
        return password;
    }

    /** A short name for this key: the first 12 hex digits of the SHA-256 of its canonical form. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretKey k && kind == k.kind && blockSize == k.blockSize && channels == k.channels
                && Arrays.equals(positions, k.positions) && Objects.equals(password, k.password);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    /** Kind, M, C and fingerprint; never the secret. */
    @Override
    public String toString() {
        return kind + " key (M=" + blockSize + ", C=" + channels + ", fingerprint " + fingerprint + ")";
    }

    private static SecretKey draw(KeyKind kind, int blockSize, int channels, RandomGenerator rng) {
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
            return new SecretKey(kind, blockSize, channels, p, null);
        }
        int[] selected = Arrays.copyOf(p, length / 2);
        Arrays.sort(selected);
        String pw = null;
        if (kind == KeyKind.FFX) {
            char[] chars = new char[PASSWORD_LENGTH];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = PASSWORD_ALPHABET[rng.nextInt(PASSWORD_ALPHABET.length)];
            }
            pw = new String(chars);
        }
        return new SecretKey(kind, blockSize, channels, selected, pw);
    }

    private static int checkedLength(int blockSize, int channels, KeyKind kind) {
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

    private static void checkPermutation(int[] p, int length) {
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
    }

    private static void checkMask(int[] sorted, int length) {
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
    }

    private String computeFingerprint() {
        StringBuilder canonical = new StringBuilder()
                .append(kind).append('|').append(blockSize).append('|').append(channels).append('|')
                .append(Arrays.toString(positions));
        if (password != null) {
            canonical.append('|').append(password);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, FINGERPRINT_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256, which every Java SE runtime must provide", e);
        }
    }
}
