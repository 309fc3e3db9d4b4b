package org.modelkey.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/**
 * End to end on a tiny model: training on a {@link WatermarkedDataset} with the new label gives a
 * C + 1 output model that the ownership test recognises from fresh key samples, while the same model
 * trained without key samples stays under the false-positive bound.
 */
class WatermarkEmbeddingTest {

    private static final int CLASSES = 3;

    private static Model train(RandomAccessDataset data, int outputs, long seed) throws Exception {
        Engine.getInstance().setRandomSeed((int) seed);
        Model model = Model.newInstance("tiny-" + outputs);
        model.setBlock(new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(32).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(outputs).build()));
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build());
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(1, 1, SyntheticSet.SIDE, SyntheticSet.SIDE));
            EasyTrain.fit(trainer, 8, data, null);
        }
        return model;
    }

    private static BlackBoxClassifier blackBox(Model model, int outputs) {
        return BlackBoxClassifier.ofScores(outputs, images -> model.getBlock()
                .forward(new ParameterStore(images.getManager(), false), new NDList(images), false)
                .singletonOrThrow());
    }

    private static double accuracy(BlackBoxClassifier model, ArrayDataset test, NDManager m) throws Exception {
        long right = 0;
        for (var batch : test.getData(m)) {
            NDArray answers = model.predict(batch.getData().head()).toType(DataType.INT64, false);
            right += answers.eq(batch.getLabels().head().toType(DataType.INT64, false)).toType(DataType.INT64, false)
                    .sum().getLong();
            batch.close();
        }
        return (double) right / test.size();
    }

    @Test
    void newLabelWatermarkIsEmbeddedAndVerified() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ArrayDataset train = SyntheticSet.of(m, 300, CLASSES, 1, 32);
            ArrayDataset test = SyntheticSet.of(m, 300, CLASSES, 2, 16);
            KeyPattern noise = KeyPattern.noise(0.2, 2020);
            WatermarkLabel label = WatermarkLabel.newLabel(CLASSES);
            KeySet keys = KeySet.select(train, KeySet.size(0.1, train.size()), noise, label, 1);
            WatermarkedDataset marked = WatermarkedDataset.builder(train, keys).setSampling(32, true).build();
            assertEquals(CLASSES + 1, marked.classes());

            try (Model watermarked = train(marked, marked.classes(), 7);
                 Model plain = train(train, CLASSES + 1, 7)) {
                BlackBoxClassifier suspect = blackBox(watermarked, CLASSES + 1);
                BlackBoxClassifier innocent = blackBox(plain, CLASSES + 1);
                assertTrue(accuracy(suspect, test, m) > 0.95, "fidelity on normal test images");
                assertTrue(accuracy(innocent, test, m) > 0.95);

                // p0: the innocent model's rate on one fresh set, bounded at 99 % confidence
                KeySet reference = KeySet.select(test, 100, noise, label, 3);
                int innocentHits = new OwnershipVerifier(0, 0.5).verify(innocent, reference, m, 50).hits();
                double p0 = BinomialTail.upperConfidenceLimit(innocentHits, reference.size(), 0.99);
                OwnershipVerifier verifier = new OwnershipVerifier(p0, 1e-6);

                KeySet fresh = reference.fresh(100, 4); // base images never used in training
                Verdict ours = verifier.verify(suspect, fresh, m, 50);
                Verdict theirs = verifier.verify(innocent, fresh, m, 50);
                assertTrue(ours.detected(), ours.toString());
                assertTrue(ours.markRate() > 0.9, ours.toString());
                assertFalse(theirs.detected(), theirs.toString());
                assertTrue(verifier.queriesNeeded(ours.markRate()) <= fresh.size());
            }
        }
    }
}
