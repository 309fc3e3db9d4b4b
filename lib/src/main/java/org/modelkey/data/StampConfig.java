package org.modelkey.data;

/**
 * What stamp-scene set to build: task, image size, how many scenes, how many cut-outs per scene
 * at most, boundary pixels ignored or not, the share of each class's stamps kept for testing,
 * and the seed. Equal configurations give byte-identical sets (and share one cache file).
 */
public record StampConfig(boolean segmentation, int size, int trainCount, int testCount, int maxObjects,
                          boolean ignoreEdges, double testStampFraction, long seed) {

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
        if (!(testStampFraction > 0 && testStampFraction < 1)) {
            throw new IllegalArgumentException("test stamp fraction " + testStampFraction
                    + " must lie strictly between 0 and 1, e.g. 0.25");
        }
    }

    /** Classification scenes: one main object, up to one smaller one behind it; 25 % of stamps for test. */
    public static StampConfig classification(int size, int trainCount, int testCount, long seed) {
        return new StampConfig(false, size, trainCount, testCount, 2, false, 0.25, seed);
    }

    /** Segmentation scenes: up to three objects, boundary pixels ignored (255) as in PASCAL VOC. */
    public static StampConfig segmentation(int size, int trainCount, int testCount, long seed) {
        return new StampConfig(true, size, trainCount, testCount, 3, true, 0.25, seed);
    }

    public StampConfig withMaxObjects(int n) {
        return new StampConfig(segmentation, size, trainCount, testCount, n, ignoreEdges, testStampFraction, seed);
    }

    public StampConfig withIgnoreEdges(boolean ignore) {
        return new StampConfig(segmentation, size, trainCount, testCount, maxObjects, ignore, testStampFraction, seed);
    }

    public StampConfig withTestStampFraction(double fraction) {
        return new StampConfig(segmentation, size, trainCount, testCount, maxObjects, ignoreEdges, fraction, seed);
    }

    /** A file-name-safe description, unique per configuration. */
    String fileStem() {
        return (segmentation ? "stamps-seg" : "stamps-cls") + "-" + size + "px-" + trainCount + "+" + testCount
                + "-o" + maxObjects + (ignoreEdges ? "-edges255" : "") + "-t" + Math.round(testStampFraction * 1000)
                + "-s" + seed;
    }
}
