/**
 * Black-box watermarking of classifiers with a new label (Zhong et al., "Protecting IP of deep neural
 * networks with watermarking: a new label helps", PAKDD 2020) and its baseline with an existing label
 * (Zhang et al., AsiaCCS 2018).
 *
 * <ol>
 *   <li>{@link org.modelkey.watermark.KeyPattern}: how key samples are made from base images: keyed
 *       noise of intensity β (Zhong et al.), a stamped text or unrelated images (Zhang et al.).</li>
 *   <li>{@link org.modelkey.watermark.KeySet}: α × |training set| base images chosen by a seed;
 *       {@link org.modelkey.watermark.KeySet#fresh} gives key samples never used in training.</li>
 *   <li>{@link org.modelkey.watermark.WatermarkLabel}: the new class C (a C + 1 output model) or an
 *       existing class; {@link org.modelkey.watermark.WatermarkedDataset} mixes the labelled key
 *       samples into the normal training set, for any training loop.</li>
 *   <li>{@link org.modelkey.watermark.OwnershipVerifier}: queries a
 *       {@link org.modelkey.watermark.BlackBoxClassifier} with fresh key samples and decides with an
 *       exact one-sided binomial test ({@link org.modelkey.watermark.BinomialTail}) at a stated
 *       false-positive bound, giving a {@link org.modelkey.watermark.Verdict}.</li>
 *   <li>{@link org.modelkey.watermark.DecoySet}: the kit's extension for a mark specific to its
 *       owner: normal images, each with its own keyed pattern, under their true labels.</li>
 *   <li>{@link org.modelkey.watermark.WatermarkExperiment}: notebook 06's protocol on one
 *       {@link org.modelkey.watermark.WatermarkTask} (owner / attacker / test), one model per
 *       {@link org.modelkey.watermark.Embedding}; its steps return
 *       {@link org.modelkey.watermark.SweepPoint}, {@link org.modelkey.watermark.OwnershipCheck},
 *       {@link org.modelkey.watermark.PruningPoint} and {@link org.modelkey.watermark.FineTuningOutcome},
 *       each with a table of named columns, drawn by {@link org.modelkey.watermark.WatermarkCharts} and
 *       read against the claims by {@link org.modelkey.watermark.WatermarkFindings}.</li>
 * </ol>
 *
 * <pre>{@code
 * KeyPattern key = KeyPattern.noise(0.05, secretSeed);
 * KeySet keys = KeySet.select(train, KeySet.size(0.01, train.size()), key, WatermarkLabel.newLabel(10), seed);
 * WatermarkedDataset marked = WatermarkedDataset.builder(train, keys).setSampling(64, true).build();
 * // ... train a model with marked.classes() = 11 outputs on `marked` ...
 * Verdict verdict = new OwnershipVerifier(p0, 1e-6).verify(suspect, KeySet.select(test, 200, key, keys.label(), seed2), manager, 100);
 * }</pre>
 */
package org.modelkey.watermark;
