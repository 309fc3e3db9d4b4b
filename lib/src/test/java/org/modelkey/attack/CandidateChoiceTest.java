package org.modelkey.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.LearningRateSchedule;
import org.modelkey.train.SyntheticImages;
import org.modelkey.train.TrainingConfig;
import org.modelkey.train.TrainingLoop;
import org.modelkey.transform.BlockTransform;

/** The flip the statistics leave, settled on a tiny ResNet protected with an NP key and trained here. */
class CandidateChoiceTest {

    @Test
    void theModelIsMostConfidentUnderTheTrueMaskNotItsComplement() throws Exception {
        SecretKey.Masked key = (SecretKey.Masked) SecretKey.fromSeed(KeyKind.NP, 2, 3, 17);
        int[] complement = IntStream.range(0, key.length()).filter(k -> !key.mask()[k]).toArray();
        SecretKey flipped = key.withPositions(complement);
        Engine.getInstance().setRandomSeed(7);
        try (NDManager manager = NDManager.newBaseManager();
                Network network = Network.create(ModelSpec.of("resnet8", 10, 3, 8, 8).withBaseWidth(8));
                BlockTransform transform = BlockTransform.of(key)) {
            ArrayDataset train = SyntheticImages.dataset(manager, 10, 24, 1, 2, 32);
            TrainingConfig config = TrainingConfig.builder().epochs(5).batchSize(32)
                    .schedule(LearningRateSchedule.oneCycle(0.1f))
                    .logEvery(0, new PrintStream(OutputStream.nullOutputStream())).seed(5).build();
            new TrainingLoop(network, config).fit(train, transform::encrypt);
            ArrayDataset own = SyntheticImages.dataset(manager, 10, 8, 1, 9, 32);
            NDList images = new NDList();
            for (int i = 0; i < own.size(); i++) {
                images.add(own.get(manager, i).getData().singletonOrThrow());
            }
            NDArray unlabelled = NDArrays.stack(images);
            CandidateChoice choice = CandidateChoice.choose(network, unlabelled, List.of(flipped, key));
            assertEquals(key, choice.chosen());
            assertTrue(choice.confidence()[1] > choice.confidence()[0], java.util.Arrays.toString(choice.confidence()));
            assertThrows(IllegalArgumentException.class, () -> CandidateChoice.choose(network, unlabelled, List.of()));
        }
    }
}
