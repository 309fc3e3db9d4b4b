package org.modelkey.data;

import java.io.IOException;
import java.util.List;

/** The samples of another source at given indices (subsets, splits). */
final class SelectedSource implements ImageSource {

    private final ImageSource base;
    private final int[] indices;

    SelectedSource(ImageSource base, int[] indices) {
        for (int i : indices) {
            base.checkIndex(i);
        }
        this.base = base;
        this.indices = indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public List<String> classes() {
        return base.classes();
    }

    @Override
    public boolean segmentation() {
        return base.segmentation();
    }

    @Override
    public Sample sample(int index) throws IOException {
        checkIndex(index);
        return base.sample(indices[index]);
    }

    @Override
    public int label(int index) throws IOException {
        checkIndex(index);
        return base.label(indices[index]);
    }
}
