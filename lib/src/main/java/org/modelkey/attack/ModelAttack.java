package org.modelkey.attack;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import org.modelkey.model.Network;
import tech.tablesaw.api.Table;

/**
 * The common shape of the attacks on a key-protected model, so that notebooks and tests treat them
 * alike: an attack takes the stolen model and the attacker's data (records of a float32 C×H×W image
 * in [0,1] and its class index) and returns a result table. An attack that changes the model's
 * weights restores them before it returns.
 */
@FunctionalInterface
public interface ModelAttack {

    /**
     * @throws IllegalArgumentException if the data does not fit the model
     * @throws IOException if the data cannot be read
     * @throws TranslateException if a record cannot be turned into arrays
     */
    Table run(Network model, RandomAccessDataset attackerData) throws IOException, TranslateException;
}
