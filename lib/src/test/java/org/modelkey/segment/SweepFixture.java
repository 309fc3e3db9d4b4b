package org.modelkey.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.modelkey.eval.AccessControlResult;
import org.modelkey.key.KeyKind;

/** Hand-built runs of a block-size sweep, scored on three 8-pixel test images of two classes. */
final class SweepFixture {

    static final SegmentationScale SCALE = new SegmentationScale("stamps (embedded)", 24, 90, 10, 3, "FCN-resnet8-w8", 2, 7);
    static final int INCORRECT_KEYS = 2;

    private SweepFixture() {}

    /** Three images; {@code wrong} pixels of each predicted as the other class (at a different place in each). */
    static SegmentationEvaluation.Score score(int wrong) {
        MeanIoU iou = new MeanIoU(2);
        int[] labels = {0, 0, 0, 0, 1, 1, 1, 1};
        for (int image = 0; image < 3; image++) {
            int[] predicted = labels.clone();
            for (int p = 0; p < Math.min(wrong, 8); p++) {
                predicted[(p + 2 * image) % 8] ^= 1;
            }
            iou.add(predicted, labels);
        }
        return new SegmentationEvaluation.Score(0.1 * wrong, iou);
    }

    static SegmentationRun baseline() {
        return new SegmentationRun(SegmentationRun.BASELINE, 0, "none", 1, score(0), null, List.of(), score(0), 12.34, 0.56);
    }

    /** A protected model at M with {@code wrong} wrong pixels per image under its correct key, more under the others. */
    static SegmentationRun run(KeyKind kind, int m, int wrong) {
        List<SegmentationEvaluation.Score> incorrect = new ArrayList<>();
        for (int k = 0; k < INCORRECT_KEYS; k++) {
            incorrect.add(score(wrong + 2 + k));
        }
        double[] values = incorrect.stream().mapToDouble(SegmentationEvaluation.Score::meanIoU).toArray();
        double mean = Arrays.stream(values).average().orElseThrow();
        double std = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
        SegmentationEvaluation.Score correct = score(wrong), plain = score(wrong + 3);
        AccessControlResult access = new AccessControlResult(correct.meanIoU(), values, mean, std, plain.meanIoU());
        return new SegmentationRun(kind.name(), m, kind + "-key-" + m, 0, correct, access, incorrect, plain, 20.06, 3.04);
    }

    /** The baseline, then each transform at every M of {@code sizes}, worse as M grows (SHF the most). */
    static List<SegmentationRun> sweep(int... sizes) {
        List<SegmentationRun> runs = new ArrayList<>(List.of(baseline()));
        for (KeyKind kind : KeyKind.values()) {
            for (int i = 0; i < sizes.length; i++) {
                runs.add(run(kind, sizes[i], 1 + i * (3 - kind.ordinal())));
            }
        }
        return runs;
    }
}
