package org.modelkey.attack;

import org.modelkey.key.SecretKey;

/**
 * What a key-estimation attacker observes: the accuracy a stolen model reaches on one fixed batch of
 * the attacker's labelled images when they are transformed with a candidate key (ICIP 2021,
 * Sec. 3.4). {@link BatchAccuracy} is the real one, built from a DJL model; tests may use a cheap
 * stand-in. Implementations must be deterministic: the same key gives the same accuracy.
 */
@FunctionalInterface
public interface KeyObjective {

    /** Accuracy in [0, 1] of the model on the fixed batch transformed with {@code candidate}. */
    double accuracy(SecretKey candidate);
}
