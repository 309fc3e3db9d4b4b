/**
 * Secret keys of the block-wise transforms (docs/design.md, "Exact transform semantics").
 *
 * <ul>
 *   <li>{@link org.modelkey.key.SecretKey}: kind, block size M, channels C and the secret over the
 *       L = M·M·C positions of a block: an SHF permutation or an NP/FFX half-mask (plus an FFX password);
 *       from a seed or {@code SecureRandom}; incorrect keys for access-control tests; a fingerprint.</li>
 *   <li>{@link org.modelkey.key.KeyFile}: the JSON key file, owner-only, refused when truncated or edited.</li>
 *   <li>{@link org.modelkey.key.FfxCipher}: the pyffx-compatible FFX integer cipher behind the FFX table.</li>
 * </ul>
 */
package org.modelkey.key;
