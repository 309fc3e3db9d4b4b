package org.modelkey.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelkey.key.KeyFile;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.train.TrainingConfig;

class ModelStoreTest {

    private static final ModelSpec SPEC = ModelSpec.of("resnet8", 3, 3, 8, 8).withBaseWidth(4);
    private static final List<String> CLASSES = List.of("bird", "fruit", "mammal");
    private static final SecretKey KEY = SecretKey.fromSeed(KeyKind.NP, 4, 3, 7);

    @TempDir
    Path dir;

    private static final String TRAINING = TrainingConfig.builder().batchSize(16).build().describe();

    private static ModelStore.Recipe recipe(SecretKey key, int epochs) {
        return new ModelStore.Recipe("synthetic 8x8", CLASSES, 11, epochs, TRAINING, key);
    }

    /** A "training" that only counts its calls: the store's job is keeping, not learning. */
    private static ModelStore.Trainer counting(AtomicInteger calls) {
        return network -> {
            calls.incrementAndGet();
            return 0.75;
        };
    }

    private static float[] logits(Network network, NDManager manager) {
        float[] x = new float[2 * 3 * 8 * 8];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 13) / 13f;
        }
        NDArray batch = manager.create(x, new Shape(2, 3, 8, 8));
        return network.logits(batch).toFloatArray();
    }

    @Test
    void trainsOnceThenLoadsTheSameModelWithItsKeyAndCard() throws Exception {
        ModelStore store = new ModelStore(dir);
        AtomicInteger calls = new AtomicInteger();
        try (NDManager manager = NDManager.newBaseManager();
                ModelStore.Stored first = store.getOrTrain("03-np", SPEC, recipe(KEY, 2), counting(calls));
                ModelStore.Stored again = store.getOrTrain("03-np", SPEC, recipe(SecretKey.fromSeed(KeyKind.NP, 4, 3, 7), 2),
                        counting(calls))) {
            assertEquals(1, calls.get(), "the second call loads instead of training");
            assertTrue(first.trainedNow());
            assertFalse(again.trainedNow());
            assertArrayEquals(logits(first.network(), manager), logits(again.network(), manager));
            assertEquals(KEY, again.key());
            ModelStore.Card card = again.card();
            assertEquals(SPEC, card.spec());
            assertEquals(CLASSES, card.classes());
            assertEquals("NP", card.keyKind());
            assertEquals(4, card.keyBlockSize());
            assertEquals(KEY.id(), card.keyId(), "the same key drawn again from its seed has a new random id;"
                    + " the stored model keeps the id of the key it was trained with");
            assertEquals(KEY.id(), again.key().id());
            assertEquals(0.75, card.accuracy());
            assertEquals(2, card.epochs());
            String json = Files.readString(dir.resolve("03-np").resolve(ModelStore.CARD));
            assertFalse(json.contains("positions"), "the card never holds the key itself");
        }
    }

    @Test
    void aPlainModelHasNoKeyFile() throws Exception {
        ModelStore store = new ModelStore(dir);
        try (ModelStore.Stored m = store.getOrTrain("plain", SPEC, recipe(null, 1), n -> 0.5)) {
            assertNull(m.key());
        }
        assertFalse(Files.exists(dir.resolve("plain").resolve(ModelStore.KEY)));
        try (ModelStore.Stored m = store.load("plain")) {
            assertNull(m.key());
            assertEquals("none", m.card().keyId());
        }
    }

    @Test
    void aChangedRecipeOrAnInterruptedSaveTrainsAgain() throws Exception {
        ModelStore store = new ModelStore(dir);
        AtomicInteger calls = new AtomicInteger();
        store.getOrTrain("m", SPEC, recipe(KEY, 1), counting(calls)).close();
        store.getOrTrain("m", SPEC, recipe(KEY, 3), counting(calls)).close();
        assertEquals(2, calls.get(), "more epochs asked: the stale model is not reused");
        assertEquals(3, store.card("m").epochs());
        Files.delete(dir.resolve("m").resolve(ModelStore.CARD));
        assertFalse(store.contains("m"));
        store.getOrTrain("m", SPEC, recipe(KEY, 3), counting(calls)).close();
        assertEquals(3, calls.get(), "a folder without its card is an interrupted save");
        String otherBatch = TrainingConfig.builder().batchSize(32).build().describe();
        store.getOrTrain("m", SPEC, new ModelStore.Recipe("synthetic 8x8", CLASSES, 11, 3, otherBatch, KEY),
                counting(calls)).close();
        assertEquals(4, calls.get(), "another batch size: the stale model is not reused");
        Path card = dir.resolve("m").resolve(ModelStore.CARD);
        Files.writeString(card, Files.readString(card).replace("\"keyId\"", "\"keyFingerprint\""));
        store.getOrTrain("m", SPEC, new ModelStore.Recipe("synthetic 8x8", CLASSES, 11, 3, otherBatch, KEY),
                counting(calls)).close();
        assertEquals(5, calls.get(), "a card of the layout before key ids is trained again");
        assertEquals(otherBatch, store.card("m").training());
    }

    @Test
    void anotherArchitectureOrKeyIsAClearError() throws Exception {
        ModelStore store = new ModelStore(dir);
        store.getOrTrain("m", SPEC, recipe(KEY, 1), n -> 0.5).close();
        ModelSpec wider = SPEC.withBaseWidth(8);
        IllegalArgumentException arch = assertThrows(IllegalArgumentException.class,
                () -> store.getOrTrain("m", wider, recipe(KEY, 1), n -> 0.5));
        assertTrue(arch.getMessage().contains(SPEC.toString()) && arch.getMessage().contains(wider.toString()),
                arch.getMessage());
        SecretKey other = KEY.incorrectKeys(1, 3).get(0);
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> store.getOrTrain("m", SPEC, recipe(other, 1), n -> 0.5));
        assertTrue(key.getMessage().contains(KEY.id()) && key.getMessage().contains(other.id()),
                key.getMessage());

        KeyFile.save(other, dir.resolve("m").resolve(ModelStore.KEY));
        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class, () -> store.load("m"));
        assertTrue(swapped.getMessage().contains("restore the model's own key file"), swapped.getMessage());
    }

    @Test
    void parametersOfAnotherArchitectureAreNamed() throws Exception {
        ModelStore store = new ModelStore(dir);
        store.getOrTrain("m", SPEC, recipe(null, 1), n -> 0.5).close();
        try (Network wider = Network.create(SPEC.withBaseWidth(8))) {
            org.modelkey.model.PretrainedWeights.save(wider, dir.resolve("m").resolve(ModelStore.PARAMETERS));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.load("m"));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }

    @Test
    void missingModelsAndBadNamesAreExplained() {
        ModelStore store = new ModelStore(dir);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> store.load("absent"));
        assertTrue(missing.getMessage().contains("train it first"), missing.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> store.folder("../up"));
        assertTrue(bad.getMessage().contains("plain folder name"), bad.getMessage());
    }
}
