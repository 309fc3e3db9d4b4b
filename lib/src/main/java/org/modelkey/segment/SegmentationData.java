package org.modelkey.segment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.modelkey.data.ByteImages;
import org.modelkey.data.ImageDataset;
import org.modelkey.data.ImageSource;
import org.modelkey.data.SampleTransform;
import org.modelkey.data.TrainTestSplit;

/**
 * The three sets of the segmentation experiment (Ito et al. 2021, Sec. 3.1): the training images
 * less a seeded validation share, which picks each model's epoch (the paper holds out 146 of its
 * 1,464), and the test set. Training images get an augmentation that moves image and mask together
 * (the paper's: a random resized crop, then a left-right flip, {@link SampleTransform#standardAugmentation});
 * the key transform comes later, on each batch.
 *
 * @param augmentation the training images' augmentation, as the model cards record it
 */
public record SegmentationData(ImageDataset train, ImageDataset validation, ImageDataset test,
        SampleTransform augmentation) {

    /**
     * @param scenes training and test images with masks
     * @param side the models' input side; images of another size are resized to side×side
     * @param validationShare of the training images, held out for validation (e.g. 0.1)
     * @param augmentation applied to every training record, seeded by {@code seed}
     * @param fromFiles true for a set read from files (PASCAL VOC): every image is decoded and
     *     resized once and kept in memory, and only the crop and flip run again for each model; false
     *     for a set already in memory at side×side, whose augmented records are made once and
     *     cached, so every model of a sweep trains on exactly the same records
     */
    public static SegmentationData of(TrainTestSplit<? extends ImageSource> scenes, int side, double validationShare,
            int batchSize, int evalBatch, SampleTransform augmentation, boolean fromFiles, long seed) throws IOException {
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validation share " + validationShare
                    + " must lie strictly between 0 and 1 (the paper: 146 / 1464 ≈ 0.1)");
        }
        ImageSource all = scenes.train();
        int validationCount = (int) Math.round(validationShare * all.size());
        if (validationCount < 1 || validationCount >= all.size()) {
            throw new IllegalArgumentException(all.size() + " training images cannot spare a validation share of "
                    + validationShare + ": give more images or another share");
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, all.size()).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        ImageSource validation = all.select(indices(order.subList(0, validationCount)));
        ImageSource train = all.select(indices(order.subList(validationCount, order.size())));
        SampleTransform resize = (s, rng) -> SampleTransform.cropResize(s, 0, 0, s.image().height(), s.image().width(),
                side, side, false);
        ImageDataset.Builder trainSet = ImageDataset.builder(fromFiles ? ByteImages.copyOf(train, resize) : train)
                .setSampling(batchSize, true).optTransform(augmentation, seed);
        return new SegmentationData((fromFiles ? trainSet : trainSet.optCachedAugmentation()).build(),
                ImageDataset.builder(fromFiles ? ByteImages.copyOf(validation, resize) : validation)
                        .setSampling(evalBatch, false).build(),
                ImageDataset.builder(fromFiles ? ByteImages.copyOf(scenes.test(), resize) : scenes.test())
                        .setSampling(evalBatch, false).build(),
                augmentation);
    }

    private static int[] indices(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
