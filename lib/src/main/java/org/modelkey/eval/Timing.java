package org.modelkey.eval;

/** Wall-clock timing of a short operation on a machine shared with other work. */
public final class Timing {

    /** Untimed runs before the timed ones, so class loading and caches do not count. */
    public static final int WARM_UP = 3;

    private Timing() {}

    /**
     * Runs {@code operation} {@link #WARM_UP} times untimed, then {@code repeats} times timed.
     *
     * @return the fastest timed run in seconds, the estimate least disturbed by other work
     */
    public static double fastestSeconds(Runnable operation, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("need at least one timed run, got " + repeats);
        }
        for (int i = 0; i < WARM_UP; i++) {
            operation.run();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            operation.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e9;
    }
}
