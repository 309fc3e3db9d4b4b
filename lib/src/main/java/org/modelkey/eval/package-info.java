/**
 * Evaluation of protected classifiers: {@link org.modelkey.eval.Predictions} under a transform,
 * Tribuo-based {@link org.modelkey.eval.ClassificationReport}, the access-control test of
 * {@link org.modelkey.eval.AccessControl} (correct key, incorrect keys, plain images) and
 * {@link org.modelkey.eval.InferenceTimer} for the no-overhead claim.
 */
package org.modelkey.eval;
