package org.modelkey.attack;

/**
 * A search for the secret key against a batch-accuracy objective: {@link KeyEstimationAttack},
 * {@link RandomKeySearch}.
 */
@FunctionalInterface
public interface KeySearch {

    /** Searches keys of the known kind and M, for images of {@code channels} channels. */
    KeySearchResult search(KeyObjective objective, AttackerKnowledge knowledge, int channels);
}
