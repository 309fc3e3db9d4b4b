package org.modelkey.data;

import java.io.IOException;
import java.util.Arrays;

/**
 * How many images of each class a labelled set holds, and what guessing gives on it: "near chance"
 * is measured against the best constant guess (always the most frequent class), which exceeds
 * 1/classes on an unbalanced test set.
 *
 * @param perClass images per class index
 */
public record ClassCounts(int[] perClass) {

    public ClassCounts {
        perClass = perClass.clone();
        if (Arrays.stream(perClass).sum() == 0) {
            throw new IllegalArgumentException("no labelled image to count: give a set with at least one image");
        }
    }

    /** Counts the labels of {@code source} (read without decoding images where the source can). */
    public static ClassCounts of(ImageSource source) throws IOException {
        if (source.segmentation()) {
            throw new IllegalArgumentException("a segmentation set has masks, not one class per image: count a classification set");
        }
        int[] perClass = new int[source.classes().size()];
        for (int i = 0; i < source.size(); i++) {
            perClass[source.label(i)]++;
        }
        return new ClassCounts(perClass);
    }

    @Override
    public int[] perClass() {
        return perClass.clone();
    }

    /** @return the accuracy of always answering the most frequent class: its share of the images */
    public double bestConstantGuess() {
        return (double) Arrays.stream(perClass).max().getAsInt() / Arrays.stream(perClass).sum();
    }
}
