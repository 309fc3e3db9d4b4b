package org.modelkey.watermark;

/**
 * Which label key samples are trained with: Zhong et al. (2020)'s new label (class C of a C-class
 * task) or Zhang et al. (2018)'s existing label (class {@value #ZHANG_LABEL}, the class their
 * "noise" key samples get in the kit's comparison).
 */
public enum WatermarkMethod {
    /** Zhong et al. 2020: key samples get the new class C; the model has C + 1 outputs. */
    NEW_LABEL("new_label"),
    /** Zhang et al. 2018: key samples get the existing class {@value #ZHANG_LABEL}. */
    EXISTING_LABEL("zhang2018");

    /** The existing class Zhang et al.'s key samples get. */
    public static final int ZHANG_LABEL = 0;

    private final String id;

    WatermarkMethod(String id) {
        this.id = id;
    }

    /** The label of this method's key samples in a task with {@code classes} normal classes. */
    public WatermarkLabel label(int classes) {
        return this == NEW_LABEL ? WatermarkLabel.newLabel(classes) : WatermarkLabel.existing(ZHANG_LABEL, classes);
    }

    /** The name in result tables: {@code new_label} or {@code zhang2018}. */
    public String id() {
        return id;
    }
}
