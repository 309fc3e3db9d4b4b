/**
 * The block-wise transforms and their inverses (segmentation paper, Sec. 3.2; ICIP 2021, Sec. 3.2).
 *
 * <p>{@link org.modelkey.transform.BlockLayout} cuts an image into M×M blocks flattened channel-last;
 * {@link org.modelkey.transform.BlockTransform#of} gives {@link org.modelkey.transform.Shuffle} (SHF),
 * {@link org.modelkey.transform.NegativePositive} (NP) or {@link org.modelkey.transform.FfxTransform}
 * (FFX) for a key, working on float arrays (one image or a batch) and on DJL NDArrays on any device.
 * Exactness: SHF is exact on any values; NP and FFX are exact on 8-bit images (k/255).
 */
package org.modelkey.transform;
