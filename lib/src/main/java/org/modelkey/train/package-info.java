/**
 * Training on key-transformed images: {@link org.modelkey.train.TrainingLoop} with
 * {@link org.modelkey.train.SelectiveDecaySgd}, the one-cycle and cosine-with-warm-restarts
 * schedules, seeded batch order ({@link org.modelkey.train.EpochSampler}) and resumable
 * {@link org.modelkey.train.Checkpoint}s.
 */
package org.modelkey.train;
