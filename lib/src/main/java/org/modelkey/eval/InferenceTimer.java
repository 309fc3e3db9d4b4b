package org.modelkey.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.modelkey.model.Network;

/** Times a network's inference on one batch, with and without a key transform in front. */
public final class InferenceTimer {

    private InferenceTimer() {}

    /**
     * Runs {@code warmup} untimed rounds, then {@code repeats} rounds that each time the plain and
     * the keyed path (in alternating order, so drift hits both alike).
     *
     * @param batch an N×C×H×W batch on the network's device
     */
    public static InferenceTime measure(Network network, NDArray batch, UnaryOperator<NDArray> transform,
            int warmup, int repeats) {
        if (repeats < 1 || warmup < 0) {
            throw new IllegalArgumentException("need repeats >= 1 and warmup >= 0, got " + repeats + " and " + warmup);
        }
        network.spec().checkInput(batch.getShape());
        long images = batch.getShape().get(0);
        double[] plain = new double[repeats];
        double[] keyed = new double[repeats];
        for (int r = -warmup; r < repeats; r++) {
            boolean plainFirst = (r & 1) == 0;
            double a = time(network, batch, plainFirst ? UnaryOperator.identity() : transform);
            double b = time(network, batch, plainFirst ? transform : UnaryOperator.identity());
            if (r >= 0) {
                plain[r] = (plainFirst ? a : b) / images;
                keyed[r] = (plainFirst ? b : a) / images;
            }
        }
        return new InferenceTime(median(plain), median(keyed));
    }

    /**
     * Times inference on the first batch of {@code test}, for a single image and for the whole batch,
     * as {@link #measure} does (ICIP 2021, Table 3: the key transform adds no overhead).
     *
     * @return the timings of batch size 1 and of the first batch's size
     */
    public static InferenceTimes onFirstBatch(Network network, RandomAccessDataset test,
            UnaryOperator<NDArray> transform, int warmup, int repeats) throws IOException, TranslateException {
        Map<Integer, InferenceTime> timings = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = test.getData(manager).iterator().next().getData().head();
            for (int n : new int[] {1, (int) images.getShape().get(0)}) {
                NDArray x = images.get("0:" + n).toDevice(network.device(), false);
                timings.put(n, measure(network, x, transform, warmup, repeats));
            }
        }
        return new InferenceTimes(timings);
    }

    private static double time(Network network, NDArray batch, UnaryOperator<NDArray> transform) {
        try (NDManager round = batch.getManager().newSubManager()) {
            NDArray x = batch.duplicate();
            x.attach(round);
            long start = System.nanoTime();
            network.predict(transform.apply(x));
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
