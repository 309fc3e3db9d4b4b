package org.modelkey.segment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.model.Network;
import org.modelkey.train.LearningRateSchedule;
import org.modelkey.train.TrainingConfig;
import org.modelkey.transform.BlockTransform;

/** Access control of a protected segmentation model (segmentation paper, Sec. 3.3) with a real block-wise key. */
class ProtectedSegmentationTest {

    @Test
    void anNpProtectedFcnSegmentsWithItsKeyOnlyKeyAndPlainImagesFail() throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed(11);
        try (Network net = SegmentationTrainingTest.fcn("fcn-np", 8);
                BlockTransform key = BlockTransform.of(SecretKey.fromSeed(KeyKind.NP, 4, 3, 1));
                BlockTransform wrongKey = BlockTransform.of(SecretKey.fromSeed(KeyKind.NP, 4, 3, 2))) {
            Model model = net.model();
            NDManager nd = model.getNDManager();
            ArrayDataset test = SegmentationTrainingTest.squares(nd, 32, 12);
            UnaryOperator<NDArray> protect = key::encrypt;
            TrainingConfig sgd = TrainingConfig.builder().epochs(10).batchSize(16).schedule(LearningRateSchedule.constant(0.05f))
                    .momentum(0.9f).weightDecay(1e-4f).seed(11).logEvery(0, new PrintStream(new ByteArrayOutputStream())).build();
            SegmentationTraining.fit(net, sgd, SegmentationTrainingTest.squares(nd, 96, 13), test, protect);

            double correct = SegmentationEvaluation.score(model, test, 16, protect).meanIoU();
            double incorrect = SegmentationEvaluation.score(model, test, 16, wrongKey::encrypt).meanIoU();
            double plain = SegmentationEvaluation.score(model, test, 16, UnaryOperator.identity()).meanIoU();
            assertTrue(correct > incorrect + 0.3 && correct > plain + 0.3,
                    "mean IoU with the key " + correct + ", an incorrect key " + incorrect + ", plain images " + plain);
        }
    }
}
