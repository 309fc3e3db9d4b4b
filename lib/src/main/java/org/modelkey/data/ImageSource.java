package org.modelkey.data;

import java.io.IOException;
import java.util.List;

/**
 * Random access to the samples of a data set, before batching: the part every loader provides
 * (embedded sets, class folders, VOC, CIFAR, IDX, JSON). {@link ImageDataset} turns a source into
 * a DJL data set; {@link StratifiedSubset} and {@link #select} take parts of it.
 */
public interface ImageSource {

    /** Number of samples. */
    int size();

    /**
     * Class names: index = label for classification; for segmentation, index = mask value, with
     * index 0 "background".
     */
    List<String> classes();

    /** True when samples carry masks rather than labels. */
    boolean segmentation();

    /** Reads sample {@code index} (decoding it if it lives on disk). */
    Sample sample(int index) throws IOException;

    /**
     * Label of sample {@code index} without decoding its image; sources that cannot do better read
     * the sample. Segmentation sources have no labels.
     */
    default int label(int index) throws IOException {
        if (segmentation()) {
            throw noLabels();
        }
        return sample(index).label();
    }

    /**
     * Reads every sample once and lists every one that cannot be read (a damaged or truncated image,
     * a mask that does not fit its image), so a bad file stops a run before training, not mid-epoch.
     *
     * @throws IOException naming every bad sample, when there is one
     */
    default void verify() throws IOException {
        List<String> bad = new java.util.ArrayList<>();
        for (int i = 0; i < size(); i++) {
            try {
                sample(i);
            } catch (IOException e) {
                bad.add(e.getMessage());
            }
        }
        if (!bad.isEmpty()) {
            throw new IOException(bad.size() + " of " + size() + " samples cannot be read:\n  " + String.join("\n  ", bad));
        }
    }

    /** A view of the samples at the given indices, in that order. */
    default ImageSource select(int[] indices) {
        return new SelectedSource(this, indices);
    }

    /** The error for asking a segmentation set for labels. */
    static UnsupportedOperationException noLabels() {
        return new UnsupportedOperationException("a segmentation set has masks, not labels:"
                + " use a classification set here");
    }

    /** Checks that {@code index} is a valid sample index. */
    default void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("sample " + index + " does not exist: the set has "
                    + size() + " samples (0.." + (size() - 1) + ")");
        }
    }
}
