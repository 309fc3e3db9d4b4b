package org.modelkey.watermark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Black-box ownership verification (Zhong et al. 2020, "effectiveness and efficiency"; Zhang et al.
 * 2018, Sec. 3.4): query the suspect model with fresh key samples, count the answers equal to the
 * watermark label, and decide with a one-sided exact binomial test against the rate {@code p0} at
 * which a model that was never watermarked gives that label. The false-positive probability of a
 * positive verdict is at most the stated bound, for any number of queries.
 */
public final class OwnershipVerifier {

    /** Longest query budget {@link #queriesNeeded} searches. */
    static final int MAX_QUERIES = 20_000;

    private final double p0;
    private final double falsePositiveBound;

    /**
     * @param p0                 the rate of the watermark label on key samples from a non-watermarked
     *                           model, in [0, 1); when measured, a conservative value is
     *                           {@link BinomialTail#upperConfidenceLimit}
     * @param falsePositiveBound the largest acceptable probability of claiming an innocent model, in
     *                           (0, 1), e.g. 1e-6
     */
    public OwnershipVerifier(double p0, double falsePositiveBound) {
        if (!(p0 >= 0 && p0 < 1)) {
            throw new IllegalArgumentException("null rate p0=" + p0 + " is outside [0, 1): give the rate at which a"
                    + " non-watermarked model answers the watermark label, e.g. 1/C or a measured upper bound");
        }
        if (!(falsePositiveBound > 0 && falsePositiveBound < 1)) {
            throw new IllegalArgumentException("false-positive bound " + falsePositiveBound + " is outside (0, 1):"
                    + " give e.g. 1e-6");
        }
        this.p0 = p0;
        this.falsePositiveBound = falsePositiveBound;
    }

    /** The verdict for {@code hits} watermark answers out of {@code queries}. */
    public Verdict decide(int queries, int hits) {
        if (queries < 0 || hits < 0 || hits > queries) {
            throw new IllegalArgumentException(hits + " hits of " + queries + " queries: need 0 ≤ hits ≤ queries");
        }
        return new Verdict(queries, hits, p0, falsePositiveBound, criticalHits(queries),
                BinomialTail.logUpperTail(hits, queries, p0));
    }

    /** Fewest hits among {@code queries} that prove the mark; {@code queries + 1} if none can. */
    public int criticalHits(int queries) {
        return BinomialTail.criticalValue(queries, p0, falsePositiveBound);
    }

    /**
     * The fewest queries that let a model answering the watermark label at rate {@code markRate}
     * (its key-sample accuracy) be detected: the smallest n with ⌊markRate · n⌋ ≥ criticalHits(n).
     *
     * @throws IllegalArgumentException if markRate is not above p0, or more than {@value #MAX_QUERIES} queries are needed
     */
    public int queriesNeeded(double markRate) {
        if (!(markRate > p0 && markRate <= 1)) {
            throw new IllegalArgumentException("mark rate " + markRate + " must be in (p0=" + p0 + ", 1]: a model"
                    + " that gives the watermark label no more often than an innocent one cannot be told apart");
        }
        for (int n = 1; n <= MAX_QUERIES; n++) {
            if (Math.floor(markRate * n + 1e-9) >= criticalHits(n)) {
                return n;
            }
        }
        throw new IllegalArgumentException("mark rate " + markRate + " against p0=" + p0 + " needs more than "
                + MAX_QUERIES + " queries at bound " + falsePositiveBound + ": strengthen the watermark");
    }

    /**
     * Queries {@code suspect} with every key sample of {@code fresh} (built on images never used in
     * training), {@code batchSize} at a time on {@code manager}'s device, and decides.
     *
     * @throws IllegalArgumentException if the suspect cannot answer the watermark label, or answers a
     *                                  label outside its range
     */
    public Verdict verify(BlackBoxClassifier suspect, KeySet fresh, NDManager manager, int batchSize) {
        int label = fresh.label().label();
        if (suspect.classes() <= label) {
            throw new IllegalArgumentException("the suspect model answers " + suspect.classes() + " labels (0.."
                    + (suspect.classes() - 1) + ") but the watermark label is " + label + " (" + fresh.label()
                    + "): it cannot carry this watermark; query it with the key set of an existing-label watermark,"
                    + " or check that the model has " + fresh.label().outputs() + " outputs");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
        }
        int hits = 0;
        for (int from = 0; from < fresh.size(); from += batchSize) {
            int to = Math.min(fresh.size(), from + batchSize);
            try (NDManager batch = manager.newSubManager()) {
                NDArray images = fresh.images(batch, from, to);
                NDArray answers = suspect.predict(images).toType(DataType.INT64, false);
                if (answers.size() != to - from) {
                    throw new IllegalArgumentException("the suspect answered " + answers.size() + " labels for "
                            + (to - from) + " images: predict must return one label per image");
                }
                long min = answers.min().getLong();
                long max = answers.max().getLong();
                if (min < 0 || max >= suspect.classes()) {
                    throw new IllegalArgumentException("the suspect answered label " + (min < 0 ? min : max)
                            + " outside 0.." + (suspect.classes() - 1) + ": declare its real number of labels");
                }
                hits += (int) answers.eq(label).toType(DataType.INT64, false).sum().getLong();
            }
        }
        return decide(fresh.size(), hits);
    }

    public double p0() {
        return p0;
    }

    public double falsePositiveBound() {
        return falsePositiveBound;
    }
}
