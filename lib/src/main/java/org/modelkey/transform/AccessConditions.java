package org.modelkey.transform;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.modelkey.key.SecretKey;

/**
 * The three conditions of an access-control evaluation (APSIPA 2021; ICIP 2021, Table 1;
 * segmentation paper, Fig. 6) with their transforms: the correct key, incorrect keys of the same
 * kind drawn from a seed ({@link SecretKey#incorrectKeys}), and plain images (the identity). One
 * object to open in a try-with-resources block, which closes every transform it made.
 *
 * <pre>{@code
 * try (AccessConditions c = AccessConditions.of(key, 100, Seeds.derive(seed, "incorrect-keys"))) {
 *     AccessControlResult r = AccessControl.evaluate(network, test, c.correct(), c.incorrect(), 256);
 * }
 * }</pre>
 */
public final class AccessConditions implements AutoCloseable {

    private final BlockTransform correct;
    private final List<BlockTransform> incorrect;

    private AccessConditions(BlockTransform correct, List<BlockTransform> incorrect) {
        this.correct = correct;
        this.incorrect = incorrect;
    }

    /**
     * @param count incorrect keys to draw (at least one; {@link SecretKey#incorrectKeys}: an FFX key
     *     keeps the correct key's password)
     * @param seed seed of the incorrect keys
     * @return the conditions of {@code key}
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public static AccessConditions of(SecretKey key, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException(count + " incorrect keys: give at least one (the papers use many)");
        }
        return of(key, key.incorrectKeys(count, seed));
    }

    /**
     * @param incorrectKeys the incorrect keys (at least one), e.g.
     *     {@link SecretKey#incorrectKeysWithOtherPasswords}
     * @return the conditions of {@code key} with those keys
     */
    public static AccessConditions of(SecretKey key, List<SecretKey> incorrectKeys) {
        if (incorrectKeys.isEmpty()) {
            throw new IllegalArgumentException("no incorrect keys: give at least one (the papers use many)");
        }
        List<BlockTransform> others = new ArrayList<>();
        BlockTransform own = BlockTransform.of(key);
        try {
            for (SecretKey other : incorrectKeys) {
                others.add(BlockTransform.of(other));
            }
        } catch (RuntimeException e) {
            others.forEach(BlockTransform::close);
            own.close();
            throw e;
        }
        return new AccessConditions(own, List.copyOf(others));
    }

    /** @return the transform of the correct key */
    public UnaryOperator<NDArray> correct() {
        return correct::encrypt;
    }

    /** @return the transforms of the incorrect keys, in the order drawn */
    public List<UnaryOperator<NDArray>> incorrect() {
        List<UnaryOperator<NDArray>> out = new ArrayList<>();
        for (BlockTransform t : incorrect) {
            out.add(t::encrypt);
        }
        return out;
    }

    /** @return the transform of plain images: the identity */
    public UnaryOperator<NDArray> plain() {
        return UnaryOperator.identity();
    }

    @Override
    public void close() {
        incorrect.forEach(BlockTransform::close);
        correct.close();
    }
}
