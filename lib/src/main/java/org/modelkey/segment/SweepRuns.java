package org.modelkey.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.modelkey.key.KeyKind;

/**
 * The runs of one block-size sweep, checked for Table 1 and Fig. 6 (Ito et al. 2021): one
 * non-protected baseline, and SHF, NP and FFX each at the same block sizes M, every protected model
 * scored under its correct key, its incorrect keys and plain images.
 */
final class SweepRuns {

    private final SegmentationRun baseline;
    private final Map<KeyKind, List<SegmentationRun>> transforms;
    private final int[] blockSizes;

    private SweepRuns(SegmentationRun baseline, Map<KeyKind, List<SegmentationRun>> transforms, int[] blockSizes) {
        this.baseline = baseline;
        this.transforms = transforms;
        this.blockSizes = blockSizes;
    }

    /**
     * @throws IllegalArgumentException if there is not exactly one baseline, a method is not a transform,
     *     a transform is missing or lacks a block size another has, or a model was not scored under every condition
     */
    static SweepRuns of(List<SegmentationRun> runs) {
        requireRuns(runs);
        List<SegmentationRun> baselines = runs.stream().filter(SegmentationRun::isBaseline).toList();
        if (baselines.size() != 1) {
            throw new IllegalArgumentException("the runs hold " + baselines.size() + " baselines: give exactly one"
                    + " non-protected model (method \"" + SegmentationRun.BASELINE + "\") beside the protected ones");
        }
        Map<KeyKind, List<SegmentationRun>> transforms = new EnumMap<>(KeyKind.class);
        for (SegmentationRun r : runs) {
            if (!r.isBaseline()) {
                requireScored(r);
                transforms.computeIfAbsent(kind(r), k -> new ArrayList<>()).add(r);
            }
        }
        int[] blockSizes = runs.stream().filter(r -> !r.isBaseline()).mapToInt(SegmentationRun::blockSize)
                .distinct().sorted().toArray();
        if (blockSizes.length == 0) {
            throw new IllegalArgumentException("the runs hold only the baseline: give the SHF, NP and FFX models too");
        }
        for (KeyKind kind : KeyKind.values()) {
            List<SegmentationRun> own = new ArrayList<>(transforms.getOrDefault(kind, List.of()));
            own.sort(Comparator.comparingInt(SegmentationRun::blockSize));
            int[] sizes = own.stream().mapToInt(SegmentationRun::blockSize).toArray();
            if (Arrays.stream(sizes).distinct().count() != sizes.length) {
                throw new IllegalArgumentException(kind + " has two models at one block size (" + Arrays.toString(sizes)
                        + "): give one model per transform and block size");
            }
            if (!Arrays.equals(sizes, blockSizes)) {
                throw new IllegalArgumentException(kind + " has models at M = " + Arrays.toString(sizes)
                        + " but the sweep ran M = " + Arrays.toString(blockSizes)
                        + ": give SHF, NP and FFX a model at every block size");
            }
            transforms.put(kind, List.copyOf(own));
        }
        return new SweepRuns(baselines.get(0), transforms, blockSizes);
    }

    /** @throws IllegalArgumentException if there is no run */
    static void requireRuns(List<SegmentationRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs: give the baseline and the SHF, NP and FFX models of the sweep");
        }
    }

    /**
     * @throws IllegalArgumentException if a protected model lacks its access-control result, its
     *     plain-image score or one score per incorrect key
     */
    static void requireScored(SegmentationRun r) {
        if (r.isBaseline()) {
            return;
        }
        if (r.access() == null || r.plain() == null || r.incorrect().isEmpty()
                || r.incorrect().size() != r.access().incorrect().length) {
            throw new IllegalArgumentException(r.label() + " is not scored under every condition (access control "
                    + (r.access() == null ? "missing" : "of " + r.access().incorrect().length + " incorrect keys") + ", "
                    + r.incorrect().size() + " incorrect-key scores, plain score " + (r.plain() == null ? "missing" : "given")
                    + "): score it with its correct key, each incorrect key and on plain images");
        }
    }

    private static KeyKind kind(SegmentationRun r) {
        try {
            return KeyKind.valueOf(r.method());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run method '" + r.method() + "' is neither \"" + SegmentationRun.BASELINE
                    + "\" nor a transform " + Arrays.toString(KeyKind.values()), e);
        }
    }

    SegmentationRun baseline() {
        return baseline;
    }

    /** The swept block sizes, ascending. */
    int[] blockSizes() {
        return blockSizes.clone();
    }

    /** The models of one transform, by ascending block size (one at each of {@link #blockSizes()}). */
    List<SegmentationRun> of(KeyKind kind) {
        return transforms.get(kind);
    }
}
