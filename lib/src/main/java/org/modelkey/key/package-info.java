/**
 * Secret keys of the block-wise transforms (docs/design.md, "Exact transform semantics").
 *
 * <ul>
 *   <li>{@link org.modelkey.key.SecretKey}: a sealed type, one record per kind ({@code Shf}: a permutation;
 *       {@code Np}: a half-mask; {@code Ffx}: a half-mask and a password) over the L = M·M·C positions of
 *       a block; from a seed or {@code SecureRandom}; incorrect keys for access-control tests; a random id
 *       that names the key and reveals nothing about it.</li>
 *   <li>{@link org.modelkey.key.KeyFile}: the JSON key file, owner-only, refused when truncated or edited.</li>
 *   <li>{@link org.modelkey.key.FfxCipher}: the pyffx-compatible FFX integer cipher behind the FFX table.</li>
 * </ul>
 */
package org.modelkey.key;
