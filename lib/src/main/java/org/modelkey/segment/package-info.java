/**
 * Protected semantic segmentation (Ito, AprilPyone and Kiya 2021): an {@link org.modelkey.segment.Fcn}
 * (backbone, 1×1 classifier, bilinear upsampling to the input size) trained by
 * {@link org.modelkey.segment.SegmentationTraining} (through the kit's one
 * {@link org.modelkey.train.TrainingLoop}) on images passed through a key transform, with the
 * per-pixel {@link org.modelkey.segment.PixelCrossEntropyLoss} that ignores label 255, and scored
 * by {@link org.modelkey.segment.SegmentationEvaluation} as a whole-set
 * {@link org.modelkey.segment.MeanIoU} (Eq. 1) under the correct key, incorrect keys or plain images.
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpec.of("resnet20", classes, 3, 64, 64);
 * try (Network net = Network.of(spec, Fcn.withResNet(spec)); BlockTransform key = BlockTransform.of(secretKey)) {
 *     Model model = net.model();
 *     SegmentationTraining.fit(net, SegmentationTraining.paperSettings(epochs, 32, seed).build(),
 *             train, validation, key::encrypt);
 *     double correct = SegmentationEvaluation.score(model, test, 64, key::encrypt).meanIoU();
 *     double plain = SegmentationEvaluation.score(model, test, 64, UnaryOperator.identity()).meanIoU();
 *     // correct key, each incorrect key (mean, spread) and plain images, with mean IoU as the score (Fig. 6)
 *     AccessControlResult access = AccessControl.evaluate(
 *             t -> SegmentationEvaluation.score(model, test, 64, t).meanIoU(), key::encrypt, incorrectKeys);
 * }
 * }</pre>
 *
 * <p>The paper's whole experiment is {@link org.modelkey.segment.BlockSizeSweep}: one FCN per
 * transform and block size M, and the baseline, on the sets of {@link org.modelkey.segment.SegmentationData},
 * each a {@link org.modelkey.segment.SegmentationRun}; {@link org.modelkey.segment.SegmentationTables}
 * and {@link org.modelkey.segment.SegmentationCharts} give Table 1 and Figs. 5 and 6 (notebook 05).
 *
 * <p>Mean IoU and the FCN live here, beside the loss and objective that only segmentation uses
 * (docs/design.md, "Architecture").
 */
package org.modelkey.segment;
