package org.modelkey.attack;

import java.util.Objects;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockTransform;
import org.modelkey.transform.FfxTransform;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A ciphertext-only recovery scored against the true key, which only the experimenter has: the same
 * columns for every kind, so that rows of SHF, NP and FFX append into one table.
 *
 * @param kind the kind of key
 * @param blockSize block size M
 * @param channels channel count C
 * @param images encrypted images observed
 * @param blocks blocks observed
 * @param candidates candidate keys left for the model (1 for FFX)
 * @param right bits (NP, FFX mask) or positions (SHF) right of the best candidate: the recovery up
 *     to what only the model can settle
 * @param chosenRight the same for the candidate the model chose; −1 when no model chose
 * @param outOf number of bits or positions, L = M·M·C
 * @param seconds wall time of the recovery from the ciphertexts
 * @param choiceSeconds wall time of the choice on the model (0 when none)
 * @param keyId the true key's random id (never the key)
 * @param ffx for FFX: whether the divisor is right, the codes seen and the table's score; null otherwise
 */
public record CiphertextScore(KeyKind kind, int blockSize, int channels, int images, int blocks, int candidates,
        int right, int chosenRight, int outOf, double seconds, double choiceSeconds, String keyId, TableScore ffx) {

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
    /** Column: bits or positions right of the candidate the model chose (missing when none chose). */
    public static final String CHOSEN_RIGHT = "chosen_right";
    /** Column: number of key bits or positions, L = M·M·C. */
    public static final String OUT_OF = "out_of";
    /** Column: {@link #CHOSEN_RIGHT} (or {@link #RIGHT} when no model chose) / {@link #OUT_OF}. */
    public static final String SHARE_RIGHT = "share_right";
    /** Column: what {@link #RIGHT} counts, "bits" or "positions". */
    public static final String UNIT = "unit";
    /** Column: wall time of the recovery in seconds. */
    public static final String SECONDS = "seconds";
    /** Column: wall time of the choice on the model in seconds. */
    public static final String CHOICE_SECONDS = "choice_seconds";
    /** Column: the random id of the true key (never the key). */
    public static final String KEY_ID = "key_id";
    /** Column (FFX): whether the divisor found equals the true table maximum; empty for other kinds. */
    public static final String DIVISOR_RIGHT = "divisor_right";
    /** Column (FFX): distinct codes observed at the selected positions, of 256; missing for other kinds. */
    public static final String CODES_SEEN = "codes_seen";
    /** Column (FFX): entries v → E(v) of the 256-entry table recovered exactly; missing for other kinds. */
    public static final String TABLE_RIGHT = "table_right";
    /** Column (FFX): mean |estimated v − v| over the codes observed, in 8-bit levels; missing for other kinds. */
    public static final String TABLE_MEAN_ERROR = "table_mean_abs_error";

    /**
     * How much of an FFX substitution table was recovered.
     *
     * @param divisorRight whether the divisor equals the true table maximum
     * @param codesSeen distinct codes observed at the selected positions
     * @param tableRight entries v → E(v) recovered exactly, of 256
     * @param meanError mean |estimated v − v| in 8-bit levels over the codes observed (NaN when none)
     */
    public record TableScore(boolean divisorRight, int codesSeen, int tableRight, double meanError) {}

    /** An NP or SHF recovery without a choice on the model. */
    public static CiphertextScore of(CiphertextRecovery recovery, SecretKey truth) {
        return of(recovery, null, 0, truth);
    }

    /** An NP or SHF recovery and the candidate the model chose ({@code choice} null when none). */
    public static CiphertextScore of(CiphertextRecovery recovery, CandidateChoice choice, double choiceSeconds,
            SecretKey truth) {
        checkKind(recovery.kind(), truth);
        int chosen = choice == null ? -1 : right(choice.chosen(), truth);
        return new CiphertextScore(recovery.kind(), truth.blockSize(), truth.channels(), recovery.images(),
                recovery.blocks(), recovery.candidates().size(), recovery.right(truth), chosen, truth.length(),
                recovery.seconds(), choiceSeconds, truth.id(), null);
    }

    /** An FFX recovery: one candidate, the mask scored bit by bit, and the table. */
    public static CiphertextScore of(FfxRecovery recovery, SecretKey truth) {
        checkKind(KeyKind.FFX, truth);
        SecretKey.Ffx key = (SecretKey.Ffx) truth;
        if (key.blockSize() != recovery.blockSize() || key.channels() != recovery.channels()) {
            throw new IllegalArgumentException("the true key has M=" + key.blockSize() + ", C=" + key.channels()
                    + " but the recovery was for M=" + recovery.blockSize() + ", C=" + recovery.channels()
                    + ": score against the key that encrypted the images");
        }
        int[] table;
        int scale;
        try (FfxTransform t = (FfxTransform) BlockTransform.of(key)) {
            table = t.lookupTable();
            scale = t.scale();
        }
        int[] inverse = recovery.inverse();
        int[] forward = recovery.forward();
        int tableRight = 0;
        double error = 0;
        int seen = 0;
        for (int v = 0; v < table.length; v++) {
            tableRight += forward[v] == table[v] ? 1 : 0;
            if (inverse[table[v]] >= 0) {
                error += Math.abs(inverse[table[v]] - v);
                seen++;
            }
        }
        int right = maskRight(recovery.mask(), key.mask());
        return new CiphertextScore(KeyKind.FFX, key.blockSize(), key.channels(), recovery.images(), recovery.blocks(), 1,
                right, right, key.length(), recovery.seconds(), 0, key.id(),
                new TableScore(scale == recovery.scale(), recovery.codesSeen(), tableRight,
                        seen == 0 ? Double.NaN : error / seen));
    }

    /** A whole {@link CiphertextOnlyAttack} run. */
    public static CiphertextScore of(CiphertextOnlyResult result, SecretKey truth) {
        return result.ffx() != null ? of(result.ffx(), truth)
                : of(result.recovery(), result.choice(), result.choiceSeconds(), truth);
    }

    /**
     * Agreement of a recovered key with the true one: for SHF the positions k with the same
     * source p[k], for NP and FFX the positions whose mask bit agrees.
     */
    public static int right(SecretKey recovered, SecretKey truth) {
        checkKind(recovered.kind(), truth);
        if (recovered.length() != truth.length()) {
            throw new IllegalArgumentException("cannot score a key of length " + recovered.length() + " against one of length "
                    + truth.length() + ": compare keys of one M and C");
        }
        if (truth instanceof SecretKey.Masked t) {
            return maskRight(((SecretKey.Masked) recovered).mask(), t.mask());
        }
        int[] a = recovered.positions();
        int[] b = truth.positions();
        int right = 0;
        for (int k = 0; k < a.length; k++) {
            right += a[k] == b[k] ? 1 : 0;
        }
        return right;
    }

    /** Share right: of the chosen candidate when a model chose, else of the best. */
    public double shareRight() {
        return (double) (chosenRight >= 0 ? chosenRight : right) / outOf;
    }

    /** One row, columns named by this record's constants. */
    public Table toTable() {
        IntColumn chosen = IntColumn.create(CHOSEN_RIGHT);
        if (chosenRight >= 0) {
            chosen.append(chosenRight);
        } else {
            chosen.appendMissing();
        }
        return Table.create("ciphertext-only " + kind,
                StringColumn.create(KIND, kind.name()),
                IntColumn.create(BLOCK_SIZE, new int[] {blockSize}),
                IntColumn.create(CHANNELS, new int[] {channels}),
                IntColumn.create(IMAGES_OBSERVED, new int[] {images}),
                IntColumn.create(BLOCKS_OBSERVED, new int[] {blocks}),
                IntColumn.create(CANDIDATES, new int[] {candidates}),
                IntColumn.create(RIGHT, new int[] {right}),
                chosen,
                IntColumn.create(OUT_OF, new int[] {outOf}),
                DoubleColumn.create(SHARE_RIGHT, shareRight()),
                StringColumn.create(UNIT, kind == KeyKind.SHF ? "positions" : "bits"),
                DoubleColumn.create(SECONDS, seconds),
                DoubleColumn.create(CHOICE_SECONDS, choiceSeconds),
                StringColumn.create(KEY_ID, keyId),
                StringColumn.create(DIVISOR_RIGHT, ffx == null ? "" : String.valueOf(ffx.divisorRight())),
                DoubleColumn.create(CODES_SEEN, ffx == null ? Double.NaN : ffx.codesSeen()),
                DoubleColumn.create(TABLE_RIGHT, ffx == null ? Double.NaN : ffx.tableRight()),
                DoubleColumn.create(TABLE_MEAN_ERROR, ffx == null ? Double.NaN : ffx.meanError()));
    }

    private static int maskRight(boolean[] a, boolean[] b) {
        int right = 0;
        for (int k = 0; k < a.length; k++) {
            right += a[k] == b[k] ? 1 : 0;
        }
        return right;
    }

    private static void checkKind(KeyKind kind, SecretKey truth) {
        Objects.requireNonNull(truth, "true key");
        if (truth.kind() != kind) {
            throw new IllegalArgumentException("cannot score a " + kind + " recovery against a " + truth.kind()
                    + " key: score it against the key that encrypted the observed images");
        }
    }
}
