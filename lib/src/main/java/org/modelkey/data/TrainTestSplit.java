package org.modelkey.data;

/** A training set and a test set that share classes and shape. */
public record TrainTestSplit<S extends ImageSource>(S train, S test) {}
