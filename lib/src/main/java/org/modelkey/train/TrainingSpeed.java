package org.modelkey.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;

/**
 * Training speed (images/s of one epoch of {@link TrainingLoop}: forward, backward, update) of
 * several set-ups compared fairly: each round trains a fresh network of the same initial weights
 * once per set-up, the rounds alternate the set-ups, the first round is a warm-up, and each
 * set-up's speed is the median of the timed rounds (e.g. in-memory tensors against the embedded
 * data set, with and without the key transform).
 */
public final class TrainingSpeed {

    /** One way to feed the training: its name, the data set and the transform on each batch. */
    public record Setup(String name, RandomAccessDataset data, UnaryOperator<NDArray> transform) {
        public Setup {
            Objects.requireNonNull(name, "set-up name");
            Objects.requireNonNull(data, "data set of " + name);
            Objects.requireNonNull(transform, "transform of " + name);
        }
    }

    /**
     * The images/s each set-up reached in each timed round, in the set-ups' order.
     *
     * @param timed set-up name to its speeds, one per timed round
     */
    public record Result(Map<String, List<Double>> timed) {

        /** @return the median images/s of {@code setup} over the timed rounds */
        public double median(String setup) {
            List<Double> speeds = timed.get(setup);
            if (speeds == null) {
                throw new IllegalArgumentException("no set-up named " + setup + ": measured " + timed.keySet());
            }
            double[] s = speeds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        /** @return the number of timed rounds (the warm-up not counted) */
        public int rounds() {
            return timed.values().iterator().next().size();
        }
    }

    private TrainingSpeed() {}

    /**
     * @param spec the network trained, created afresh from {@code engineSeed} for every epoch
     * @param oneEpoch the training settings (one epoch, no checkpoint)
     * @param rounds at least 2: a warm-up and one timed round
     * @return the speeds of the timed rounds
     * @throws IllegalArgumentException for fewer than 2 rounds, no set-up, two of one name, or a
     *     config of more than one epoch or with a checkpoint
     */
    public static Result compare(ModelSpec spec, int engineSeed, TrainingConfig oneEpoch, List<Setup> setups,
            int rounds) throws IOException, TranslateException {
        if (rounds < 2) {
            throw new IllegalArgumentException(rounds + " rounds leave none timed after the warm-up: give at least 2");
        }
        if (setups.isEmpty()) {
            throw new IllegalArgumentException("no set-up given: give at least one to time");
        }
        if (oneEpoch.epochs != 1 || oneEpoch.checkpoint != null) {
            throw new IllegalArgumentException("the timing config must train one epoch without a checkpoint, not "
                    + oneEpoch.epochs + " epochs" + (oneEpoch.checkpoint == null ? "" : " resuming " + oneEpoch.checkpoint));
        }
        Map<String, List<Double>> timed = new LinkedHashMap<>();
        for (Setup s : setups) {
            if (timed.put(s.name(), new ArrayList<>()) != null) {
                throw new IllegalArgumentException("two set-ups are named " + s.name() + ": name each differently");
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Setup s : setups) {
                Engine.getInstance().setRandomSeed(engineSeed);
                try (Network net = Network.create(spec)) {
                    double speed = new TrainingLoop(net, oneEpoch).fit(s.data(), s.transform()).last().imagesPerSecond();
                    if (round > 0) {
                        timed.get(s.name()).add(speed);
                    }
                }
            }
        }
        timed.replaceAll((name, speeds) -> List.copyOf(speeds));
        return new Result(Collections.unmodifiableMap(timed));
    }
}
