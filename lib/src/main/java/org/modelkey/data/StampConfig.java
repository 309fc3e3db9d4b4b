package org.modelkey.data;

/**
 * What stamp-scene set to build: task and what a label names (a category, or one photographed stamp), image size, how many scenes, how many cut-outs per scene
 * at most, boundary pixels ignored or not, how the test scenes are kept apart from the training
 * scenes ({@link Split}) and the share of stamps or backgrounds kept for testing, and the seed.
 * Equal configurations give byte-identical sets (and share one cache file).
 */
public record StampConfig(boolean segmentation, boolean instances, int size, int trainCount, int testCount,
                          int maxObjects, boolean ignoreEdges, Split split, double testShare, long seed) {

    /** What no test scene shares with any training scene. */
    public enum Split {
        /** A share of each class's stamps is kept for testing: test objects were never seen in training. */
        BY_STAMP,
        /**
         * A share of the background photographs is kept for testing: every stamp appears in both
         * splits, but no test scene is composed on a photograph that a training scene uses.
         */
        BY_BACKGROUND,
        /**
         * Every photograph is cut in two: the test scenes are composed on the right {@code testShare}
         * of each, the training scenes on the rest; every stamp appears in both splits.
         */
        BY_REGION
    }

    public StampConfig {
        if (size < 8) {
            throw new IllegalArgumentException("image size " + size + " is too small: use 8 or more (32, 64...)");
        }
        if (trainCount < 1 || testCount < 1) {
            throw new IllegalArgumentException("train count " + trainCount + " and test count " + testCount
                    + " must both be at least 1");
        }
        if (maxObjects < 1) {
            throw new IllegalArgumentException("maxObjects " + maxObjects + " must be at least 1 (the main object)");
        }
        if (instances && (segmentation || split == Split.BY_STAMP)) {
            throw new IllegalArgumentException("stamp-instance labels are for classification split by background"
                    + " (a stamp kept for testing would be a class never trained): use StampConfig.instances");
        }
        if (split == null) {
            throw new IllegalArgumentException("no split given: use Split.BY_STAMP or Split.BY_BACKGROUND");
        }
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("test share " + testShare
                    + " must lie strictly between 0 and 1, e.g. 0.25");
        }
    }

    /** Classification scenes: one main object, up to one smaller one behind it; 25 % of stamps for test. */
    public static StampConfig classification(int size, int trainCount, int testCount, long seed) {
        return new StampConfig(false, false, size, trainCount, testCount, 2, false, Split.BY_STAMP, 0.25, seed);
    }

    /**
     * Instance classification: every photographed stamp is its own class (166 classes), one main
     * object and up to one smaller one behind it, and 4 of the 15 background photographs kept for
     * the test scenes. What is learned is recognising known objects on unseen backgrounds, not
     * categories of unseen objects.
     */
    public static StampConfig instances(int size, int trainCount, int testCount, long seed) {
        return new StampConfig(false, true, size, trainCount, testCount, 2, false, Split.BY_BACKGROUND, 0.25, seed);
    }

    /**
     * Segmentation scenes: up to three objects, a one-pixel band on each class boundary ignored
     * (255) as in PASCAL VOC, and 4 of the 15 background photographs kept for the test scenes.
     */
    public static StampConfig segmentation(int size, int trainCount, int testCount, long seed) {
        return new StampConfig(true, false, size, trainCount, testCount, 3, true, Split.BY_BACKGROUND, 0.25, seed);
    }

    public StampConfig withMaxObjects(int n) {
        return new StampConfig(segmentation, instances, size, trainCount, testCount, n, ignoreEdges, split, testShare, seed);
    }

    public StampConfig withIgnoreEdges(boolean ignore) {
        return new StampConfig(segmentation, instances, size, trainCount, testCount, maxObjects, ignore, split, testShare, seed);
    }

    /** The same set split another way, {@code share} of the stamps or backgrounds kept for testing. */
    public StampConfig withSplit(Split by, double share) {
        return new StampConfig(segmentation, instances, size, trainCount, testCount, maxObjects, ignoreEdges, by, share, seed);
    }

    /** A file-name-safe description, unique per configuration. */
    String fileStem() {
        return (segmentation ? "stamps-seg" : instances ? "stamps-inst" : "stamps-cls") + "-" + size + "px-" + trainCount + "+" + testCount
                + "-o" + maxObjects + (ignoreEdges ? "-edges255" : "")
                + switch (split) {
                    case BY_STAMP -> "-t";
                    case BY_BACKGROUND -> "-b";
                    case BY_REGION -> "-r";
                } + Math.round(testShare * 1000) + "-s" + seed;
    }
}
