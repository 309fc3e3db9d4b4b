/**
 * The {@code modelkey} command line ({@code environment/modelkey}): {@code keygen}, {@code encrypt} and
 * {@code decrypt} on PNG/JPEG files and folders. Outputs are PNG: 8-bit for SHF and NP, 16-bit for FFX,
 * whose samples are the FFX codes 0..999 (model input = code / the {@code modelkey-ffx-scale} text entry).
 * Every file carries the key's random id, so decryption with another key or FFX password is refused.
 */
package org.modelkey.cli;
