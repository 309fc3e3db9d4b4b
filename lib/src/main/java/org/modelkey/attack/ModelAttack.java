package org.modelkey.attack;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import org.modelkey.model.Network;

/**
 * The common shape of the attacks on a key-protected model, so that notebooks and tests treat them
 * alike: an attack takes the stolen model and the attacker's data (records of a float32 C×H×W image
 * in [0,1] and its class index) and returns a record of its measurements ({@link AttackResult},
 * with {@code toTable()}). An attack that changes the model's weights restores them before it returns.
 *
 * @param <R> the attack's result
 */
@FunctionalInterface
public interface ModelAttack<R extends AttackResult> {

    /**
     * @return what the attack measured
     * @throws IllegalArgumentException if the data does not fit the model
     * @throws IOException if the data cannot be read
     * @throws TranslateException if a record cannot be turned into arrays
     */
    R run(Network model, RandomAccessDataset attackerData) throws IOException, TranslateException;
}
