package org.modelkey.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.LearningRateSchedule;
import org.modelkey.train.TrainingConfig;

class SegmentationTrainingTest {

    private static final int SIZE = 24;

    /**
     * Bright squares (side 6 to 11) on dark noise; mask 1 inside the square, 0 outside, and the ignore
     * label on the square's outline, as VOC marks object edges.
     */
    static ArrayDataset squares(NDManager nd, int count, long seed) {
        Random random = new Random(seed);
        float[] images = new float[count * 3 * SIZE * SIZE];
        int[] masks = new int[count * SIZE * SIZE];
        for (int n = 0; n < count; n++) {
            int side = 6 + random.nextInt(6);
            int top = random.nextInt(SIZE - side + 1);
            int left = random.nextInt(SIZE - side + 1);
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    boolean inside = r >= top && r < top + side && c >= left && c < left + side;
                    boolean edge = inside && (r == top || c == left || r == top + side - 1 || c == left + side - 1);
                    masks[(n * SIZE + r) * SIZE + c] = edge ? MeanIoU.IGNORE : inside ? 1 : 0;
                    for (int ch = 0; ch < 3; ch++) {
                        float v = (inside ? 0.5f : 0f) + 0.5f * random.nextFloat();
                        images[((n * 3 + ch) * SIZE + r) * SIZE + c] = v;
                    }
                }
            }
        }
        return new ArrayDataset.Builder()
                .setData(nd.create(images, new Shape(count, 3, SIZE, SIZE)))
                .optLabels(nd.create(masks, new Shape(count, SIZE, SIZE)))
                .setSampling(16, false)
                .build();
    }

    /** SGD with momentum at a constant rate, batches of 16, progress lines to {@code log}. */
    private static TrainingConfig sgd(int epochs, long seed, PrintStream log) {
        return TrainingConfig.builder().epochs(epochs).batchSize(16).schedule(LearningRateSchedule.constant(0.05f))
                .momentum(0.9f).weightDecay(1e-4f).seed(seed).logEvery(0, log).build();
    }

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    /** An FCN on the tiny backbone for 3×24×24 images, initialized from the engine's seed. */
    static Network fcn(String name, int width) {
        return Network.of(ModelSpec.of(name, 2, 3, SIZE, SIZE), new Fcn(FcnTest.tinyBackbone(width), 2));
    }

    private static double allBackground(ArrayDataset data, NDManager nd) throws IOException, TranslateException {
        MeanIoU iou = new MeanIoU(2);
        for (long i = 0; i < data.size(); i++) {
            NDArray mask = data.get(nd, i).getLabels().head();
            iou.add(mask.zerosLike(), mask);
        }
        return iou.value();
    }

    @Test
    void aTinyFcnLearnsSquaresWellAboveTheAllBackgroundScore() throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed(7);
        try (Network net = fcn("fcn-squares", 8)) {
            Model model = net.model();
            NDManager nd = model.getNDManager();
            ArrayDataset train = squares(nd, 96, 1);
            ArrayDataset validation = squares(nd, 32, 2);
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            SegmentationTraining.History history = SegmentationTraining.fit(net,
                    sgd(6, 1, new PrintStream(progress, true)), train, validation, UnaryOperator.identity());

            double baseline = allBackground(validation, nd);
            double learned = history.best().validation().meanIoU();
            assertTrue(learned > baseline + 0.3, "mean IoU " + learned + " vs all-background " + baseline + "\n" + progress);
            assertEquals(12, progress.toString().lines().count(), "an epoch line and a validation line per epoch");

            double lowest = history.epochs().stream().mapToDouble(e -> e.validation().loss()).min().orElseThrow();
            assertEquals(lowest, history.best().validation().loss());
            SegmentationEvaluation.Score again = SegmentationEvaluation.score(model, validation, 8, UnaryOperator.identity());
            assertEquals(history.best().validation().meanIoU(), again.meanIoU(), 1e-9,
                    "the model keeps the parameters of its best validation epoch");
            assertEquals(history.best().validation().loss(), again.loss(), 1e-5);

            NDArray images = nd.create(new Shape(4, 3, SIZE, SIZE));
            NDArray masks = nd.create(new Shape(4, SIZE, SIZE), DataType.INT32);
            for (int i = 0; i < 4; i++) {
                images.set(new NDIndex(i), validation.get(nd, i).getData().head());
                masks.set(new NDIndex(i), validation.get(nd, i).getLabels().head());
            }
            NDArray maps = SegmentationEvaluation.predict(model, images, UnaryOperator.identity());
            assertEquals(masks.getShape(), maps.getShape());
            assertTrue(new MeanIoU(2).add(maps, masks).value() > 0.8, "the segmentation maps match the masks");
        }
    }

    @Test
    void aModelTrainedThroughATransformNeedsItAtTestTime() throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed(8);
        UnaryOperator<NDArray> negate = x -> x.neg().add(1f); // NP with every position selected
        try (Network net = fcn("fcn-negated", 8)) {
            Model model = net.model();
            NDManager nd = model.getNDManager();
            ArrayDataset validation = squares(nd, 32, 4);
            SegmentationTraining.fit(net, sgd(10, 2, QUIET), squares(nd, 96, 3), validation, negate);
            double correct = SegmentationEvaluation.score(model, validation, 16, negate).meanIoU();
            double plain = SegmentationEvaluation.score(model, validation, 16, UnaryOperator.identity()).meanIoU();
            assertTrue(correct > plain + 0.4, "with the transform " + correct + ", plain images " + plain);
        }
    }

    private static SegmentationTraining.History twoEpochs() throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed(9);
        try (Network net = fcn("fcn-repeat", 4)) {
            NDManager nd = net.model().getNDManager();
            return SegmentationTraining.fit(net, sgd(2, 3, QUIET), squares(nd, 48, 5), squares(nd, 16, 6),
                    UnaryOperator.identity());
        }
    }

    @Test
    void repeatsExactlyFromTheSameSeeds() throws IOException, TranslateException {
        SegmentationTraining.History first = twoEpochs();
        SegmentationTraining.History second = twoEpochs();
        for (int e = 0; e < 2; e++) {
            assertEquals(first.epochs().get(e).trainLoss(), second.epochs().get(e).trainLoss());
            assertEquals(first.epochs().get(e).validation().loss(), second.epochs().get(e).validation().loss());
        }
    }

    @Test
    void paperSettingsRestartTheCosineEveryTenthOfTheRun() {
        TrainingConfig paper = SegmentationTraining.paperSettings(100, 256, 1).build();
        Tracker rate = paper.schedule().tracker(5, 100); // 5 steps an epoch: restart every 50 steps
        assertEquals(0.1f, rate.getNewValue(0), 1e-7);
        assertTrue(rate.getNewValue(49) < 0.001f);
        assertEquals(0.1f, rate.getNewValue(50), 1e-7);
        assertEquals("batch 256, SGD momentum 0.9, weight decay 0.005, " + paper.schedule(), paper.describe());
    }

    @Test
    void badSetUpIsExplained() {
        try (Network linear = Network.of(ModelSpec.of("linear", 2, 3, SIZE, SIZE), Linear.builder().setUnits(2).build());
                Network net = fcn("tiny", 2); NDManager nd = NDManager.newBaseManager()) {
            String notFcn = assertThrows(IllegalArgumentException.class, () -> SegmentationTraining.fit(linear,
                    sgd(1, 4, QUIET), squares(nd, 8, 1), squares(nd, 8, 2), UnaryOperator.identity())).getMessage();
            assertTrue(notFcn.contains("not an Fcn"), notFcn);
            TrainingConfig big = TrainingConfig.builder().batchSize(64).logEvery(0, QUIET).build();
            String tooFew = assertThrows(IllegalArgumentException.class, () -> SegmentationTraining.fit(net, big,
                    squares(nd, 8, 1), squares(nd, 8, 2), UnaryOperator.identity())).getMessage();
            assertTrue(tooFew.contains("smaller batch size"), tooFew);
            String noValidation = assertThrows(IllegalArgumentException.class, () -> SegmentationTraining.fit(net,
                    sgd(1, 4, QUIET), squares(nd, 16, 1), squares(nd, 8, 2).subDataset(java.util.List.of()),
                    UnaryOperator.identity())).getMessage();
            assertTrue(noValidation.contains("validation set is empty"), noValidation);
        }
    }
}
