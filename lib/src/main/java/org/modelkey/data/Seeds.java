package org.modelkey.data;

import java.util.Random;

/**
 * Independent random streams derived from one seed and a position (sample index, epoch...), so
 * that results do not depend on the order or the thread in which samples are produced.
 */
final class Seeds {

    private Seeds() {}

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
