package org.modelkey.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.ConfusionMetrics;
import org.tribuo.classification.evaluation.LabelConfusionMatrix;
import org.tribuo.evaluation.metrics.EvaluationMetric;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.impl.ArrayExample;

/**
 * Accuracy, macro-averaged F1 and the confusion matrix of a set of {@link Predictions}, computed by
 * Tribuo's {@link LabelConfusionMatrix} and {@link ConfusionMetrics} (the predictions come from a
 * DJL network, so Tribuo's model-bound {@code LabelEvaluator} does not apply).
 */
public final class ClassificationReport {

    private final List<Label> labels;
    private final LabelConfusionMatrix matrix;

    private ClassificationReport(List<Label> labels, LabelConfusionMatrix matrix) {
        this.labels = labels;
        this.matrix = matrix;
    }

    /**
     * @param classNames a name per class index, or null for "0", "1", …
     */
    public static ClassificationReport of(Predictions predictions, List<String> classNames) {
        int classes = predictions.classes();
        if (classNames != null && classNames.size() != classes) {
            throw new IllegalArgumentException(classNames.size() + " class names for a " + classes
                    + "-class model: give one name per class index, or null");
        }
        List<Label> labels = new ArrayList<>(classes);
        MutableOutputInfo<Label> info = new LabelFactory().generateInfo();
        for (int c = 0; c < classes; c++) {
            Label label = new Label(classNames == null ? Integer.toString(c) : classNames.get(c));
            labels.add(label);
            info.observe(label);
        }
        ImmutableOutputInfo<Label> domain = info.generateImmutableOutputInfo();
        List<Prediction<Label>> list = new ArrayList<>(predictions.predicted().length);
        for (int i = 0; i < predictions.predicted().length; i++) {
            list.add(new Prediction<>(labels.get(label(predictions.predicted()[i], classes)), 0,
                    new ArrayExample<>(labels.get(label(predictions.truth()[i], classes)))));
        }
        LabelConfusionMatrix matrix = new LabelConfusionMatrix(domain, list);
        matrix.setLabelOrder(labels);
        return new ClassificationReport(labels, matrix);
    }

    private static int label(int index, int classes) {
        if (index < 0 || index >= classes) {
            throw new IllegalArgumentException("class index " + index + " is outside 0.." + (classes - 1)
                    + ": the labels do not belong to this model's classes");
        }
        return index;
    }

    /** Fraction of correct predictions. */
    public double accuracy() {
        return ConfusionMetrics.accuracy(EvaluationMetric.Average.MICRO, matrix);
    }

    /** F1 averaged over classes with equal weight. */
    public double macroF1() {
        return ConfusionMetrics.f1(new MetricTarget<>(EvaluationMetric.Average.MACRO), matrix);
    }

    /** Number of images of class {@code truth} predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return Math.round(matrix.confusion(labels.get(predicted), labels.get(truth)));
    }

    /** Tribuo's confusion matrix, rows the true class, columns the predicted class. */
    public LabelConfusionMatrix confusionMatrix() {
        return matrix;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "accuracy %.4f, macro F1 %.4f%n%s", accuracy(), macroF1(), matrix);
    }
}
