package org.modelkey.watermark;

/**
 * The label key samples are trained with. Zhong et al. (2020)'s new label is class C of a
 * C-class task, so the watermarked model gets C + 1 outputs and the key samples no longer pull the
 * boundaries of the real classes ("a new label helps"); Zhang et al. (2018) instead give them one
 * existing (wrong) class.
 *
 * @param label         the class index key samples get
 * @param normalClasses C, the number of classes of the normal task
 */
public record WatermarkLabel(int label, int normalClasses) {

    public WatermarkLabel {
        if (normalClasses < 2) {
            throw new IllegalArgumentException("a classification task needs at least 2 classes, got " + normalClasses);
        }
        if (label < 0 || label > normalClasses) {
            throw new IllegalArgumentException("watermark label " + label + " is outside 0.." + normalClasses
                    + ": use an existing class 0.." + (normalClasses - 1) + " or the new class " + normalClasses);
        }
    }

    /** Zhong et al.'s new label: class C, one past the normal classes. */
    public static WatermarkLabel newLabel(int normalClasses) {
        return new WatermarkLabel(normalClasses, normalClasses);
    }

    /** Zhang et al.'s existing label: one of the normal classes. */
    public static WatermarkLabel existing(int label, int normalClasses) {
        if (label == normalClasses) {
            throw new IllegalArgumentException("label " + label + " is not an existing class of a " + normalClasses
                    + "-class task: use 0.." + (normalClasses - 1) + ", or newLabel(" + normalClasses + ")");
        }
        return new WatermarkLabel(label, normalClasses);
    }

    /** True for the new label (class C). */
    public boolean isNew() {
        return label == normalClasses;
    }

    /** Outputs the watermarked model needs: C + 1 with the new label, else C. */
    public int outputs() {
        return isNew() ? normalClasses + 1 : normalClasses;
    }

    @Override
    public String toString() {
        return isNew() ? "new label " + label : "existing label " + label;
    }
}
