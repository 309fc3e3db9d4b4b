package org.modelkey.train;

import ai.djl.MalformedModelException;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.modelkey.model.Network;

/**
 * Model selection by validation: after every epoch the network is scored on a validation set, and
 * when the call of {@link TrainingLoop#fit} ends the parameters (BatchNorm statistics included) of
 * the epoch with the lowest validation loss are put back, as the segmentation paper does (Ito et al.
 * 2021, Sec. 3.1: "we selected the model that provided the lowest loss value under the validation").
 * The choice is among the epochs this call finished.
 *
 * @param <S> what one validation measures (its loss among the rest)
 */
public final class BestValidation<S> implements TrainingListener {

    /** Scores the network on the validation set. */
    @FunctionalInterface
    public interface Validator<S> {
        /** @return the validation score of {@code network} as it is now */
        S score(Network network) throws IOException, TranslateException;
    }

    private final Validator<S> validator;
    private final ToDoubleFunction<S> loss;
    private final PrintStream log;
    private final List<S> scores = new ArrayList<>();
    private Network network;
    private int best = -1;
    private byte[] bestParameters;

    /**
     * @param loss the validation loss of a score (lower is better)
     * @param log receives one line per epoch with the score
     */
    public BestValidation(Validator<S> validator, ToDoubleFunction<S> loss, PrintStream log) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.loss = Objects.requireNonNull(loss, "validation loss");
        this.log = Objects.requireNonNull(log, "log stream");
    }

    @Override
    public void onStart(Network net, Checkpoint.Progress from) {
        network = net;
    }

    @Override
    public void onEpoch(EpochStats stats, Checkpoint.Progress next) throws IOException, TranslateException {
        S score = validator.score(network);
        scores.add(score);
        boolean better = best < 0 || loss.applyAsDouble(score) < loss.applyAsDouble(scores.get(best));
        if (better) {
            best = scores.size() - 1;
            bestParameters = parameters();
        }
        log.printf(Locale.ROOT, "epoch %d  validation %s%s%n", stats.epoch(), score, better ? "  (best so far)" : "");
    }

    @Override
    public void onFit(TrainingHistory history) throws IOException {
        if (bestParameters == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bestParameters))) {
            network.block().loadParameters(network.model().getNDManager(), in);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("the parameters saved during training could not be read back", e);
        }
    }

    /** @return the validation score of each epoch finished, in order */
    public List<S> scores() {
        return List.copyOf(scores);
    }

    /** @return the index in {@link #scores()} of the epoch whose parameters the network holds after the run, -1 before one */
    public int bestEpoch() {
        return best;
    }

    private byte[] parameters() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.block().saveParameters(out);
        }
        return bytes.toByteArray();
    }
}
