/**
 * Training on key-transformed images: {@link org.modelkey.train.TrainingLoop} with
 * {@link org.modelkey.train.SelectiveDecaySgd}, the one-cycle and cosine-with-warm-restarts
 * schedules, seeded batch order ({@link org.modelkey.train.EpochSampler}) and resumable
 * {@link org.modelkey.train.Checkpoint}s; {@link org.modelkey.train.ModelStore} keeps trained models with
 * their keys for the next notebooks, and {@link org.modelkey.train.TransferLearningProtection} makes the
 * ICIP 2021 models (NP fine-tuning of a plain model on subsets) that notebooks 03 and 04 share.
 */
package org.modelkey.train;
