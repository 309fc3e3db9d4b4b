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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.LearningRateSchedule;
import org.modelkey.train.SyntheticImages;
import org.modelkey.train.TrainingConfig;
import org.modelkey.train.TrainingLoop;
import org.modelkey.transform.BlockLayout;
import org.modelkey.transform.BlockTransform;
import tech.tablesaw.api.Table;

/**
 * The candidates the statistics leave, settled on a tiny ResNet protected with an NP key (M = 2)
 * and trained here; and the whole ciphertext-only attack on it, observing smooth images.
 */
class CandidateChoiceTest {

    private static final SecretKey.Masked KEY = (SecretKey.Masked) SecretKey.fromSeed(KeyKind.NP, 2, 3, 17);
    private static NDManager manager;
    private static Network network;
    private static NDArray unlabelled;

    @BeforeAll
    static void trainProtectedModel() throws Exception {
        Engine.getInstance().setRandomSeed(7);
        manager = NDManager.newBaseManager();
        network = Network.create(ModelSpec.of("resnet8", 10, 3, 8, 8).withBaseWidth(8));
        ArrayDataset train = SyntheticImages.dataset(manager, 10, 24, 1, 2, 32);
        TrainingConfig config = TrainingConfig.builder().epochs(5).batchSize(32)
                .schedule(LearningRateSchedule.oneCycle(0.1f))
                .logEvery(0, new PrintStream(OutputStream.nullOutputStream())).seed(5).build();
        try (BlockTransform transform = BlockTransform.of(KEY)) {
            new TrainingLoop(network, config).fit(train, transform::encrypt);
        }
        ArrayDataset own = SyntheticImages.dataset(manager, 10, 8, 1, 9, 32);
        NDList images = new NDList();
        for (int i = 0; i < own.size(); i++) {
            images.add(own.get(manager, i).getData().singletonOrThrow());
        }
        unlabelled = NDArrays.stack(images);
    }

    @AfterAll
    static void close() {
        network.close();
        manager.close();
    }

    @Test
    void theModelIsMostConfidentUnderTheTrueMaskNotItsComplement() {
        int[] complement = IntStream.range(0, KEY.length()).filter(k -> !KEY.mask()[k]).toArray();
        SecretKey flipped = KEY.withPositions(complement);
        CandidateChoice choice = CandidateChoice.choose(network, unlabelled, List.of(flipped, KEY));
        assertEquals(KEY, choice.chosen());
        assertTrue(choice.confidence()[1] > choice.confidence()[0], java.util.Arrays.toString(choice.confidence()));
        assertThrows(IllegalArgumentException.class, () -> CandidateChoice.choose(network, unlabelled, List.of()));
    }

    @Test
    void theWholeAttackFindsTheKeyTheModelWorksWith() {
        float[] observed;
        try (BlockTransform transform = BlockTransform.of(KEY)) {
            observed = transform.encrypt(SmoothImages.batch(4, 3, 8, 1.5, 11), 4, 8, 8);
        }
        CiphertextOnlyResult r = new CiphertextOnlyAttack(NaturalImagePrior.DEFAULT, 2, 20, 1)
                .run(KeyKind.NP, observed, 4, new BlockLayout(2, 3, 8, 8), network, unlabelled);
        assertEquals(KEY, r.choice().chosen());
        Table t = CiphertextScore.of(r, KEY).toTable();
        assertEquals(12, t.intColumn(CiphertextScore.CHOSEN_RIGHT).get(0));
        assertEquals(2, t.intColumn(CiphertextScore.CANDIDATES).get(0));
        assertEquals(4, r.images());
        try (CiphertextOnlyResult.Encryptor encrypt = r.encryptor(); BlockTransform truth = BlockTransform.of(KEY);
                NDArray mine = encrypt.apply(unlabelled); NDArray theirs = truth.encrypt(unlabelled)) {
            assertTrue(mine.contentEquals(theirs));
        }
        assertThrows(IllegalArgumentException.class, () -> CiphertextScore.of(r, SecretKey.fromSeed(KeyKind.SHF, 2, 3, 1)));
    }
}
