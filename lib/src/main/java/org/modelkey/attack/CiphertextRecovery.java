package org.modelkey.attack;

import java.util.List;
import java.util.Objects;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Outcome of a ciphertext-only key recovery ({@link CiphertextNpAttack}, {@link CiphertextShfAttack}):
 * the keys the statistics cannot tell apart, best first, and what they cost to find. Which of them
 * is the key is settled by {@link CandidateChoice} on the stolen model. Scoring needs the true key,
 * which only the experimenter has.
 *
 * @param kind the kind of key recovered
 * @param candidates the keys left, best first (NP: the mask and its complement; SHF: one per
 *     relabelling of the channels)
 * @param images number of encrypted images observed
 * @param blocks number of blocks observed
 * @param seconds wall time of the recovery
 * @param unresolved what the statistics cannot settle, in words (why there is more than one candidate)
 */
public record CiphertextRecovery(KeyKind kind, List<SecretKey> candidates, int images, int blocks, double seconds,
        String unresolved) {

    /** Column: the kind of key, SHF, NP or FFX. */
    public static final String KIND = "kind";
    /** Column: block size M. */
    public static final String BLOCK_SIZE = "block_size";
    /** Column: channel count C. */
    public static final String CHANNELS = "channels";
    /** Column: number of encrypted images observed. */
    public static final String IMAGES_OBSERVED = "images_observed";
    /** Column: number of blocks observed. */
    public static final String BLOCKS_OBSERVED = "blocks_observed";
    /** Column: number of candidate keys left for the model to settle. */
    public static final String CANDIDATES = "candidates";
    /** Column: key bits (NP, FFX mask) or positions (SHF) right, for the best candidate. */
    public static final String RIGHT = "right";
    /** Column: number of key bits or positions, L = M·M·C. */
    public static final String OUT_OF = "out_of";
    /** Column: share right, {@link #RIGHT} / {@link #OUT_OF}. */
    public static final String SHARE_RIGHT = "share_right";
    /** Column: what {@link #RIGHT} counts, "bits" or "positions". */
    public static final String UNIT = "unit";
    /** Column: wall time of the recovery in seconds. */
    public static final String SECONDS = "seconds";
    /** Column: the random id of the true key (never the key). */
    public static final String KEY_ID = "key_id";

    public CiphertextRecovery {
        Objects.requireNonNull(kind, "key kind");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a recovery needs at least one candidate key");
        }
    }

    /** The first (best) candidate. */
    public SecretKey best() {
        return candidates.get(0);
    }

    /** Bits or positions right of the best-scoring candidate against {@code truth}: the recovery up to what only the model settles. */
    public int right(SecretKey truth) {
        return candidates.stream().mapToInt(c -> right(c, truth)).max().orElseThrow();
    }

    /**
     * Agreement of a recovered key with the true one: for SHF the positions k with the same
     * source p[k], for NP and FFX the positions whose mask bit agrees.
     */
    public static int right(SecretKey recovered, SecretKey truth) {
        if (recovered.kind() != truth.kind() && !(recovered instanceof SecretKey.Masked && truth instanceof SecretKey.Masked)
                || recovered.length() != truth.length()) {
            throw new IllegalArgumentException("cannot score a " + recovered.kind() + " key of length " + recovered.length()
                    + " against a " + truth.kind() + " key of length " + truth.length() + ": compare keys of one kind, M and C");
        }
        int right = 0;
        if (truth instanceof SecretKey.Masked t) {
            boolean[] a = ((SecretKey.Masked) recovered).mask();
            boolean[] b = t.mask();
            for (int k = 0; k < a.length; k++) {
                right += a[k] == b[k] ? 1 : 0;
            }
        } else {
            int[] a = recovered.positions();
            int[] b = truth.positions();
            for (int k = 0; k < a.length; k++) {
                right += a[k] == b[k] ? 1 : 0;
            }
        }
        return right;
    }

    /** One row scored against {@code truth}, columns named by this record's constants. */
    public Table toTable(SecretKey truth) {
        SecretKey best = best();
        int right = right(truth);
        return Table.create("ciphertext-only " + kind,
                StringColumn.create(KIND, kind.name()),
                IntColumn.create(BLOCK_SIZE, new int[] {best.blockSize()}),
                IntColumn.create(CHANNELS, new int[] {best.channels()}),
                IntColumn.create(IMAGES_OBSERVED, new int[] {images}),
                IntColumn.create(BLOCKS_OBSERVED, new int[] {blocks}),
                IntColumn.create(CANDIDATES, new int[] {candidates.size()}),
                IntColumn.create(RIGHT, new int[] {right}),
                IntColumn.create(OUT_OF, new int[] {best.length()}),
                DoubleColumn.create(SHARE_RIGHT, (double) right / best.length()),
                StringColumn.create(UNIT, kind == KeyKind.SHF ? "positions" : "bits"),
                DoubleColumn.create(SECONDS, seconds),
                StringColumn.create(KEY_ID, truth.id()));
    }
}
