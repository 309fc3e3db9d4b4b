package org.modelkey.segment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.modelkey.Profile;
import org.modelkey.data.ByteImages;
import org.modelkey.data.ImageDataset;
import org.modelkey.data.StampConfig;
import org.modelkey.data.StampScenes;
import org.modelkey.data.TrainTestSplit;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.LearningRateSchedule;
import org.modelkey.train.TrainingConfig;

/** The FCN on the embedded segmentation set (Tux Paint stamps with exact masks), built by environment/setup-data. */
class StampSegmentationTest {

    /** Five 3×3 convolutions with BatchNorm, two of stride 2: features at a quarter of the input size. */
    private static Block backbone() {
        SequentialBlock net = new SequentialBlock();
        int[] widths = {16, 32, 32, 64, 64};
        int[] strides = {1, 2, 1, 2, 1};
        for (int i = 0; i < widths.length; i++) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .optStride(new Shape(strides[i], strides[i])).setFilters(widths[i]).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock());
        }
        return net;
    }

    @Test
    void aTinyFcnLearnsTheEmbeddedMasksAboveTheAllBackgroundScore() throws IOException, TranslateException {
        Path cache = Profile.cacheDir();
        Assumptions.assumeTrue(Files.isDirectory(cache.resolve("tuxpaint")),
                "the embedded data is not in " + cache + ": run environment/setup-data first");
        TrainTestSplit<ByteImages> stamps = StampScenes.load(cache, StampConfig.segmentation(32, 256, 64, 5));
        int classes = stamps.train().classes().size();
        Engine.getInstance().setRandomSeed(5);
        try (Network net = Network.of(ModelSpec.of("fcn-stamps", classes, 3, 32, 32), new Fcn(backbone(), classes))) {
            RandomAccessDataset train = ImageDataset.builder(stamps.train()).setSampling(32, true).build();
            RandomAccessDataset test = ImageDataset.builder(stamps.test()).setSampling(32, false).build();
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            TrainingConfig config = TrainingConfig.builder().epochs(6).batchSize(32)
                    .schedule(LearningRateSchedule.cosineWarmRestarts(0.1f, 1e-4f, 2)).momentum(0.9f).weightDecay(0.005f)
                    .seed(5).logEvery(0, new PrintStream(progress, true)).build();
            SegmentationTraining.History history = SegmentationTraining.fit(net, config, train, test, UnaryOperator.identity());

            MeanIoU background = new MeanIoU(classes);
            try (NDManager nd = NDManager.newBaseManager()) {
                for (long i = 0; i < test.size(); i++) {
                    NDArray mask = test.get(nd, i).getLabels().head();
                    background.add(mask.zerosLike(), mask);
                }
            }
            double learned = history.best().validation().meanIoU();
            assertTrue(learned > background.value() + 0.05, "mean IoU " + learned + " vs all-background "
                    + background.value() + " over " + classes + " classes\n" + progress);
        }
    }
}
