package org.modelkey.data;

import java.util.Random;

/**
 * Seeds and random streams derived from one seed: {@link #derive} gives each use of a run's seed
 * its own seed by name (the incorrect keys, the attacker's start key, a data split …), so no two
 * uses share draws and none is an arbitrary offset; {@link #random} gives independent streams by
 * position (sample index, epoch …), so results do not depend on the order or the thread in which
 * samples are produced.
 */
public final class Seeds {

    private Seeds() {}

    /**
     * @param name what the seed is for, e.g. {@code "incorrect-keys"}; distinct names give
     *     unrelated seeds, the same name the same seed
     * @return the seed of {@code name} derived from {@code seed}
     */
    public static long derive(long seed, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a derived seed needs a name saying what it is for, e.g. \"incorrect-keys\"");
        }
        long h = mix(seed ^ 0x5EED5EED5EED5EEDL);
        for (int i = 0; i < name.length(); i++) {
            h = mix(h ^ (name.charAt(i) + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** A generator for the stream identified by {@code seed} and {@code keys}. */
    static Random random(long seed, long... keys) {
        long h = mix(seed);
        for (long k : keys) {
            h = mix(h ^ mix(k + 0x632BE59BD9B4E019L));
        }
        return new Random(h);
    }

    /** The SplitMix64 finalizer: a bijective scramble of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
