package org.modelkey.key;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A secret key of a block-wise transform over the L = M·M·C positions of a flattened block
 * (segmentation paper, Sec. 3.2), one record per kind so the compiler says what each kind has:
 * {@link Shf} holds a permutation, {@link Np} a mask of ⌊L/2⌋ positions, {@link Ffx} a mask and a
 * password. Immutable; {@code equals} compares the key material (kind, M, C, secret), never the id.
 *
 * <p>Keys come from a seed (reproducible: {@link SplittableRandom}, a Fisher–Yates shuffle) or from
 * {@link SecureRandom}. Every key gets a random {@link #id()} from {@link SecureRandom} when it is made,
 * also a key drawn from a seed (seeds are small and guessable): the id names the key in image files,
 * model cards, results and logs and reveals nothing about it. A key file stores its key's id.
 */
public sealed interface SecretKey permits SecretKey.Shf, SecretKey.Masked {

    /** The kind of transform this key drives. */
    KeyKind kind();

    /** Block size M. */
    int blockSize();

    /** Channel count C. */
    int channels();

    /** The random identifier of this key: 16 hex digits from {@link SecureRandom}, unrelated to the secret. */
    String id();

    /** The permutation (SHF) or the sorted selected positions (NP, FFX), as a key file stores them. */
    int[] positions();

    /** Length L = M·M·C of a flattened block. */
    default int length() {
        return blockSize() * blockSize() * channels();
    }

    /** This key's material under another id (a key file restores the id it stores). */
    SecretKey withId(String id);

    /**
     * A key from its parts under a new random id: {@code positions} is the permutation (SHF) or the
     * selected positions (NP, FFX, any order); {@code password} is required for FFX only.
     */
    static SecretKey of(KeyKind kind, int blockSize, int channels, int[] positions, String password) {
        Objects.requireNonNull(kind, "key kind");
        if (kind != KeyKind.FFX && password != null) {
            throw new IllegalArgumentException("a " + kind + " key has no password: drop it or use kind FFX");
        }
        String id = KeyMaterial.newId();
        return switch (kind) {
            case SHF -> new Shf(blockSize, channels, positions, id);
            case NP -> new Np(blockSize, channels, positions, id);
            case FFX -> new Ffx(blockSize, channels, positions, password, id);
        };
    }

    /** A reproducible key drawn from {@code seed} (an FFX key draws its password from it too); its id is random. */
    static SecretKey fromSeed(KeyKind kind, int blockSize, int channels, long seed) {
        return KeyMaterial.draw(kind, blockSize, channels, new SplittableRandom(seed));
    }

    /** A key drawn from {@link SecureRandom}, for real use. */
    static SecretKey random(KeyKind kind, int blockSize, int channels) {
        return KeyMaterial.draw(kind, blockSize, channels, new SecureRandom());
    }

    /**
     * {@code count} incorrect keys: same kind, M and C, drawn from {@code seed}, all different from
     * this key and from each other (the papers average over 100 of them). An incorrect FFX key
     * differs in its mask and keeps this key's password, as in the papers, whose FFX keys share one
     * fixed password; {@link #incorrectKeysWithOtherPasswords} gives the stricter condition.
     */
    default List<SecretKey> incorrectKeys(int count, long seed) {
        return KeyMaterial.incorrect(this, count, seed, true);
    }

    /**
     * As {@link #incorrectKeys}, but an incorrect FFX key draws its own password too (for SHF and
     * NP keys, which have none, the same keys as {@link #incorrectKeys}).
     */
    default List<SecretKey> incorrectKeysWithOtherPasswords(int count, long seed) {
        return KeyMaterial.incorrect(this, count, seed, false);
    }

    /**
     * Number of distinct keys of this kind, M and C: L! for SHF, C(L, ⌊L/2⌋) for NP (the papers'
     * 2^L counts every mask, not only half-masks); FFX multiplies by the drawn-password space.
     */
    default BigInteger keySpace() {
        return KeyMaterial.keySpace(this, null);
    }

    /** log2 of the {@link #keySpace() key space}: the bits an attacker trying every key must search. */
    default double keySpaceBits() {
        return KeyMaterial.keySpaceBits(this);
    }

    /** A key whose secret is a mask of ⌊L/2⌋ positions: {@link Np} or {@link Ffx}. */
    sealed interface Masked extends SecretKey permits Np, Ffx {
        /** The mask: true at the ⌊L/2⌋ selected positions. */
        default boolean[] mask() {
            boolean[] mask = new boolean[length()];
            for (int p : positions()) {
                mask[p] = true;
            }
            return mask;
        }

        /** A key of this kind, M and C (and FFX password) selecting {@code positions} instead, under a new id. */
        Masked withPositions(int[] positions);
    }

    /** A pixel-shuffling key: the permutation p of the block, output[k] = input[p[k]]. */
    record Shf(int blockSize, int channels, int[] permutation, String id) implements SecretKey {
        public Shf {
            int length = KeyMaterial.checkedLength(blockSize, channels, KeyKind.SHF);
            permutation = KeyMaterial.checkPermutation(permutation, length);
            KeyMaterial.checkId(id);
        }

        @Override
        public KeyKind kind() {
            return KeyKind.SHF;
        }

        @Override
        public int[] permutation() {
            return permutation.clone();
        }

        @Override
        public int[] positions() {
            return permutation.clone();
        }

        @Override
        public Shf withId(String newId) {
            return new Shf(blockSize, channels, permutation, newId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shf k && KeyMaterial.sameMaterial(this, k);
        }

        @Override
        public int hashCode() {
            return KeyMaterial.hash(this);
        }

        @Override
        public String toString() {
            return KeyMaterial.describe(this);
        }
    }

    /** A negative/positive key: the sorted positions of the mask (inverted as 1 − x). */
    record Np(int blockSize, int channels, int[] positions, String id) implements Masked {
        public Np {
            int length = KeyMaterial.checkedLength(blockSize, channels, KeyKind.NP);
            positions = KeyMaterial.checkMask(positions, length);
            KeyMaterial.checkId(id);
        }

        @Override
        public KeyKind kind() {
            return KeyKind.NP;
        }

        @Override
        public int[] positions() {
            return positions.clone();
        }

        @Override
        public Np withPositions(int[] newPositions) {
            return new Np(blockSize, channels, newPositions, KeyMaterial.newId());
        }

        @Override
        public Np withId(String newId) {
            return new Np(blockSize, channels, positions, newId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Np k && KeyMaterial.sameMaterial(this, k);
        }

        @Override
        public int hashCode() {
            return KeyMaterial.hash(this);
        }

        @Override
        public String toString() {
            return KeyMaterial.describe(this);
        }
    }

    /** An FFX key: the sorted positions of the mask and the password of the Feistel cipher. */
    record Ffx(int blockSize, int channels, int[] positions, String password, String id) implements Masked {
        public Ffx {
            int length = KeyMaterial.checkedLength(blockSize, channels, KeyKind.FFX);
            positions = KeyMaterial.checkMask(positions, length);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("an FFX key needs a password: give one or let the key draw it");
            }
            KeyMaterial.checkId(id);
        }

        @Override
        public KeyKind kind() {
            return KeyKind.FFX;
        }

        @Override
        public int[] positions() {
            return positions.clone();
        }

        /** This key with the given password instead of the drawn one (the authors used a fixed password), under a new id. */
        public Ffx withPassword(String newPassword) {
            return new Ffx(blockSize, channels, positions, newPassword, KeyMaterial.newId());
        }

        @Override
        public Ffx withPositions(int[] newPositions) {
            return new Ffx(blockSize, channels, newPositions, password, KeyMaterial.newId());
        }

        @Override
        public Ffx withId(String newId) {
            return new Ffx(blockSize, channels, positions, password, newId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ffx k && KeyMaterial.sameMaterial(this, k) && password.equals(k.password);
        }

        @Override
        public int hashCode() {
            return 31 * KeyMaterial.hash(this) + password.hashCode();
        }

        /** Kind, M, C and id; never the mask or the password. */
        @Override
        public String toString() {
            return KeyMaterial.describe(this);
        }
    }
}
