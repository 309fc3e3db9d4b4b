package org.modelkey.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.UnaryOperator;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.TrainingConfig;
import org.modelkey.train.TrainingLoop;

/**
 * Training and inference speed of an architecture on this machine, measured on random in-memory
 * images (so the input pipeline is not part of it): a warm-up epoch, then one timed epoch of
 * {@code steps} training steps, then {@link InferenceTimer} on one batch.
 */
public final class Throughput {

    /** Images per second for training (forward, backward, update) and for inference. */
    public record Speed(ModelSpec spec, int batchSize, double trainImagesPerSecond, double inferImagesPerSecond) {}

    private Throughput() {}

    public static Speed measure(ModelSpec spec, int batchSize, int steps) throws IOException, TranslateException {
        if (steps < 1) {
            throw new IllegalArgumentException("steps " + steps + " must be at least 1");
        }
        try (NDManager manager = NDManager.newBaseManager(); Network network = Network.create(spec)) {
            long n = (long) batchSize * steps;
            ArrayDataset data = new ArrayDataset.Builder()
                    .setData(manager.randomUniform(0, 1, spec.batchShape(n)))
                    .optLabels(manager.randomInteger(0, spec.classes(), new Shape(n), DataType.INT32))
                    .setSampling(batchSize, false)
                    .build();
            TrainingConfig oneEpoch = TrainingConfig.builder().epochs(1).batchSize(batchSize)
                    .logEvery(0, new PrintStream(OutputStream.nullOutputStream())).build();
            new TrainingLoop(network, oneEpoch).fit(data, UnaryOperator.identity());
            double train = new TrainingLoop(network, oneEpoch).fit(data, UnaryOperator.identity()).last().imagesPerSecond();
            NDArray batch = manager.randomUniform(0, 1, spec.batchShape(batchSize)).toDevice(network.device(), false);
            double infer = InferenceTimer.measure(network, batch, UnaryOperator.identity(), 1, 3).plainImagesPerSecond();
            return new Speed(spec, batchSize, train, infer);
        }
    }
}
