/**
 * Training on key-transformed images: {@link org.modelkey.train.TrainingLoop} with
 * {@link org.modelkey.train.SelectiveDecaySgd}, the one-cycle and cosine-with-warm-restarts
 * schedules, seeded batch order ({@link org.modelkey.train.EpochSampler}) and resumable
 * {@link org.modelkey.train.Checkpoint}s; {@link org.modelkey.train.ModelStore} keeps trained models with
 * their keys for the next notebooks.
 */
package org.modelkey.train;
