/**
 * Classifiers: the ResNets of He et al. (2016) built from DJL blocks ({@link org.modelkey.model.ModelRegistry}),
 * a {@link org.modelkey.model.Network} that holds one on its devices, and
 * {@link org.modelkey.model.PretrainedWeights} to start fine-tuning from a trained model (ICIP 2021, Sec. 3.3).
 */
package org.modelkey.model;
