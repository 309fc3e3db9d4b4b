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
import org.modelkey.train.LearningRateSchedule;
import org.modelkey.transform.BlockTransform;

/** Access control of a protected segmentation model (segmentation paper, Sec. 3.3) with a real block-wise key. */
class ProtectedSegmentationTest {

    @Test
    void anNpProtectedFcnSegmentsWithItsKeyOnlyKeyAndPlainImagesFail() throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed(11);
        try (Model model = Model.newInstance("fcn-np");
                BlockTransform key = BlockTransform.of(SecretKey.fromSeed(KeyKind.NP, 4, 3, 1));
                BlockTransform wrongKey = BlockTransform.of(SecretKey.fromSeed(KeyKind.NP, 4, 3, 2))) {
            model.setBlock(new Fcn(FcnTest.tinyBackbone(8), 2));
            NDManager nd = model.getNDManager();
            ArrayDataset test = SegmentationTrainingTest.squares(nd, 32, 12);
            UnaryOperator<NDArray> protect = key::encrypt;
            new SegmentationTraining(model, new SegmentationTraining.Settings(10, 16,
                    LearningRateSchedule.constant(0.05f), 0.9f, 1e-4f, 11), new PrintStream(new ByteArrayOutputStream()))
                    .fit(SegmentationTrainingTest.squares(nd, 96, 13), test, protect);

            double correct = SegmentationEvaluation.score(model, test, 16, protect).meanIoU();
            double incorrect = SegmentationEvaluation.score(model, test, 16, wrongKey::encrypt).meanIoU();
            double plain = SegmentationEvaluation.score(model, test, 16, UnaryOperator.identity()).meanIoU();
            assertTrue(correct > incorrect + 0.3 && correct > plain + 0.3,
                    "mean IoU with the key " + correct + ", an incorrect key " + incorrect + ", plain images " + plain);
        }
    }
}
