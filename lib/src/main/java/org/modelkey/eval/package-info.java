/**
 * Evaluation of protected classifiers: {@link org.modelkey.eval.Predictions} under a transform,
 * Tribuo-based {@link org.modelkey.eval.ClassificationReport}, the access-control test of
 * {@link org.modelkey.eval.AccessControl} (correct key, incorrect keys, plain images) and
 * {@link org.modelkey.eval.InferenceTimer} with its {@link org.modelkey.eval.InferenceTimes} for the
 * no-overhead claim (ICIP 2021, Table 3).
 */
package org.modelkey.eval;
