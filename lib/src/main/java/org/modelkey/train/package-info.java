/**
 * Training on key-transformed images: the kit's one loop, {@link org.modelkey.train.TrainingLoop},
 * with its {@link org.modelkey.train.Objective} (classification here, per-pixel in {@code segment}),
 * {@link org.modelkey.train.TrainingListener}s (progress line, resumable
 * {@link org.modelkey.train.Checkpoint}s, after-step hooks, {@link org.modelkey.train.BestValidation}),
 * {@link org.modelkey.train.SelectiveDecaySgd} and the one-cycle and cosine-with-warm-restarts schedules;
 * {@link org.modelkey.train.TrainingSpeed} compares training set-ups, and
 * {@link org.modelkey.train.TransferLearningProtection} makes the ICIP 2021 models (NP fine-tuning of a
 * plain model on subsets) that notebooks 03 and 04 share, kept in {@code store.ModelStore}, and scores
 * them as Table 1 does ({@link org.modelkey.train.TransferLearningResult}).
 */
package org.modelkey.train;
