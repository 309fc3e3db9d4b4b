package org.modelkey.train;

/**
 * What one epoch of training measured: mean loss and accuracy over the batches seen (on the
 * transformed images the model is trained on), throughput and wall time.
 */
public record EpochStats(int epoch, double loss, double accuracy, double imagesPerSecond, double seconds) {}
