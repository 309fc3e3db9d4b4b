/**
 * Attacks on key-protected models, each a {@link org.modelkey.attack.ModelAttack} (stolen model and
 * attacker's data in, a record of its measurements out that renders itself with
 * {@link org.modelkey.attack.AttackResult#toTable()}): the key-estimation attack of ICIP 2021 (Sec. 3.4,
 * {@link org.modelkey.attack.KeyEstimationAttack}) and its brute-force baseline
 * ({@link org.modelkey.attack.RandomKeySearch}), both run on a model by
 * {@link org.modelkey.attack.KeySearchAttack} against {@link org.modelkey.attack.BatchAccuracy}, and
 * scored on the test set as Table 2 does ({@link org.modelkey.attack.KeyEstimationOutcome},
 * {@link org.modelkey.attack.KeyEstimationReport});
 * the fine-tuning attack on plain images ({@link org.modelkey.attack.FineTuningAttack}); and the
 * magnitude-pruning attack ({@link org.modelkey.attack.PruningAttack} over
 * {@link org.modelkey.attack.MagnitudePruning}).
 */
package org.modelkey.attack;
