package org.modelkey.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockTransform;

/**
 * The encryption of one fixed batch under any NP or FFX mask of one password, without running the
 * cipher again: both transforms act on each value alone, depending only on whether its block
 * position is selected, so E<sub>β</sub>(x) = where(sel(β), S, U) with S the batch with every
 * position transformed and U with none. S and U are assembled once from the encryptions under a
 * mask β₀ and its complement, so a key search pays one select per candidate instead of a cipher.
 * Needs an even L = M·M·C (the complement of a half mask is then a half mask too).
 */
final class MaskSelection implements AutoCloseable {

    private final SecretKey like;
    private final NDManager manager;
    private final NDArray selected;
    private final NDArray unselected;

    private MaskSelection(SecretKey like, NDManager manager, NDArray selected, NDArray unselected) {
        this.like = like;
        this.manager = manager;
        this.selected = selected;
        this.unselected = unselected;
    }

    /** Whether masks like {@code key}'s can be selected: NP or FFX with an even L. */
    static boolean supports(SecretKey key) {
        return key instanceof SecretKey.Masked && key.length() % 2 == 0;
    }

    /** Precomputes S and U of {@code images} (N×C×H×W, on their device) for masks like {@code like}'s. */
    static MaskSelection of(SecretKey like, NDArray images) {
        if (!supports(like)) {
            throw new IllegalArgumentException(like + " has no complementary half mask (L=" + like.length()
                    + "): use an even M·M·C, or encrypt each candidate in full");
        }
        NDManager manager = images.getManager().newSubManager();
        int[] complement = new int[like.length() - like.length() / 2];
        SecretKey.Masked masked = (SecretKey.Masked) like;
        boolean[] mask = masked.mask();
        for (int k = 0, c = 0; k < mask.length; k++) {
            if (!mask[k]) {
                complement[c++] = k;
            }
        }
        SecretKey other = masked.withPositions(complement);
        try (NDManager scope = manager.newSubManager();
                BlockTransform t0 = BlockTransform.of(like);
                BlockTransform t1 = BlockTransform.of(other)) {
            images.tempAttach(scope);
            NDArray e0 = t0.encrypt(images);
            NDArray e1 = t1.encrypt(images);
            NDArray sel = selectionMap(like, images.getShape(), scope);
            NDArray s = NDArrays.where(sel, e0, e1);
            NDArray u = NDArrays.where(sel, e1, e0);
            s.attach(manager);
            u.attach(manager);
            return new MaskSelection(like, manager, s, u);
        }
    }

    /** Whether {@code key} is a mask of the kind, M, C and password this selection was built for. */
    boolean fits(SecretKey key) {
        return sameFamily(key, like);
    }

    /** Whether two keys are masks of the same kind, M, C and password, so one selection serves both. */
    static boolean sameFamily(SecretKey a, SecretKey b) {
        return supports(a) && a.kind() == b.kind() && a.blockSize() == b.blockSize() && a.channels() == b.channels()
                && ((SecretKey.Masked) a).withPositions(b.positions()).equals(b);
    }

    /** E_key of the batch, attached to {@code scope}. */
    NDArray encrypt(SecretKey key, NDManager scope) {
        if (!fits(key)) {
            throw new IllegalArgumentException(key + " is not a mask of the kind, M, C and password of " + like
                    + ", which this selection was built for: build a selection for it");
        }
        NDArray sel = selectionMap(key, selected.getShape(), scope);
        NDArray out = NDArrays.where(sel, selected, unselected);
        out.attach(scope);
        return out;
    }

    /**
     * An N×C×H×W boolean map (one C×H×W map broadcast over the batch), true where the key's mask
     * selects the pixel: the NP encryption of a black image is exactly 1 at the selected positions
     * of every block and 0 elsewhere.
     */
    private static NDArray selectionMap(SecretKey key, Shape batch, NDManager scope) {
        int height = Math.toIntExact(batch.get(2));
        int width = Math.toIntExact(batch.get(3));
        SecretKey np = SecretKey.of(KeyKind.NP, key.blockSize(), key.channels(), key.positions(), null);
        float[] black = new float[key.channels() * height * width];
        float[] map;
        try (BlockTransform t = BlockTransform.of(np)) {
            map = t.encrypt(black, height, width);
        }
        boolean[] sel = new boolean[map.length];
        for (int k = 0; k < map.length; k++) {
            sel[k] = map[k] > 0.5f;
        }
        return scope.create(sel, new Shape(1, key.channels(), height, width)).broadcast(batch);
    }

    @Override
    public void close() {
        manager.close();
    }
}
