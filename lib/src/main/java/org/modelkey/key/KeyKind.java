package org.modelkey.key;

/**
 * The three block-wise transforms of the papers, each defined by its own kind of secret key
 * (segmentation paper, Sec. 3.2; ICIP 2021 paper, Sec. 3.2).
 */
public enum KeyKind {
    /** Pixel shuffling: a permutation of the L = M·M·C positions of a flattened block. */
    SHF,
    /** Negative/positive transformation: a mask of half of the L positions, inverted as 1 − x. */
    NP,
    /** Format-preserving Feistel encryption: a mask of half of the positions plus a password. */
    FFX
}
