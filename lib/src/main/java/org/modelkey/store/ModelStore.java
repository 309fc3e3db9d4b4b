package org.modelkey.store;

import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import ai.djl.translate.TranslateException;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.modelkey.Profile;
import org.modelkey.io.AtomicFiles;
import org.modelkey.key.KeyFile;
import org.modelkey.key.SecretKey;
import org.modelkey.model.ModelRegistry;
import org.modelkey.model.ModelSpec;
import org.modelkey.model.Network;
import org.modelkey.model.PretrainedWeights;

/**
 * Trained models kept for the next notebooks (a protected model of ICIP 2021 is its parameters and
 * its secret key). Each model is a folder {@code <root>/<name>/} holding the parameters
 * ({@value #PARAMETERS}), the key file ({@value #KEY}, absent for a plain model) and a small JSON
 * {@link Card} ({@value #CARD}) with the architecture, classes, data set, seed, epochs, training settings
 * and accuracy.
 * Every file is written atomically and the card last, so a folder without a card is an interrupted
 * save and is trained again.
 *
 * <pre>{@code
 * ModelStore store = ModelStore.of(Profile.current());
 * var recipe = new ModelStore.Recipe("stamps-32 5000/1000", classes, seed, 15, config.describe(), key);
 * try (ModelStore.Stored m = store.getOrTrain("03-baseline", spec, recipe, net -> train(net))) {
 *     m.network(); m.key(); m.card().accuracy();
 * }
 * }</pre>
 */
public final class ModelStore {

    /** File of the network's parameters. */
    public static final String PARAMETERS = "model.params";
    /** File of the secret key. */
    public static final String KEY = "key.json";
    /** File of the model's card. */
    public static final String CARD = "model.json";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path root;

    /** A store in {@code root}; created on the first save. */
    public ModelStore(Path root) {
        this.root = Objects.requireNonNull(root, "store folder").toAbsolutePath().normalize();
    }

    /**
     * The profile's store: {@code Profile.cacheDir()/models/<profile>}, and {@code models/paper-rehearsal}
     * for the rehearsal, whose capped models a real paper run must never load.
     */
    public static ModelStore of(Profile profile) {
        return new ModelStore(Profile.cacheDir().resolve("models")
                .resolve(profile.isRehearsal() ? profile.label() + "-rehearsal" : profile.label()));
    }

    /**
     * How a model is (to be) trained: the data set (name and size), its class names, the seed of the
     * run, the epochs, the other training settings as text (batch size, optimiser, schedule,
     * augmentation; e.g. {@link org.modelkey.train.TrainingConfig#describe()}) and the key ({@code null} for a plain
     * model). Compared with a stored model's card before it is reused, so a changed setting trains
     * anew instead of loading a stale model.
     */
    public record Recipe(String dataset, List<String> classes, long seed, int epochs, String training, SecretKey key) {
        public Recipe {
            Objects.requireNonNull(dataset, "data set name");
            Objects.requireNonNull(training, "training settings");
            classes = List.copyOf(classes);
            if (epochs < 0) {
                throw new IllegalArgumentException("epochs " + epochs + " is negative: give the epochs trained");
            }
        }
    }

    /**
     * What the store knows about a model, as written to {@value #CARD}: never the key itself, only
     * its kind, block size and random id (the key file in the folder stores the same id).
     */
    public record Card(String name, ModelSpec spec, List<String> classes, String dataset, long seed, int epochs,
            String training, String keyKind, int keyBlockSize, String keyId, double accuracy,
            double trainSeconds) {

        static Card of(String name, ModelSpec spec, Recipe recipe, double accuracy, double trainSeconds) {
            SecretKey key = recipe.key();
            return new Card(name, spec, recipe.classes(), recipe.dataset(), recipe.seed(), recipe.epochs(),
                    recipe.training(), key == null ? "none" : key.kind().name(), key == null ? 0 : key.blockSize(),
                    key == null ? "none" : key.id(), accuracy, trainSeconds);
        }

        /** Whether this card was written by a run of {@code recipe}, apart from the key (compared by its material). */
        boolean matches(Recipe recipe) {
            return dataset.equals(recipe.dataset()) && classes.equals(recipe.classes()) && seed == recipe.seed()
                    && epochs == recipe.epochs() && recipe.training().equals(training);
        }
    }

    /** A model from the store, with its key ({@code null} when plain); closing it closes the network. */
    public record Stored(Network network, SecretKey key, Card card, boolean trainedNow) implements AutoCloseable {
        @Override
        public void close() {
            network.close();
        }
    }

    /** Trains a freshly initialized network and returns its held-out accuracy (for the card). */
    @FunctionalInterface
    public interface Trainer {
        double train(Network network) throws IOException, TranslateException;
    }

    /** The store's folder. */
    public Path root() {
        return root;
    }

    /** The folder of model {@code name}. */
    public Path folder(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name '" + name + "' is not a plain folder name: use letters,"
                    + " digits, '.', '_' and '-', starting with a letter or digit (e.g. 03-np-m4-subset-10)");
        }
        return root.resolve(name);
    }

    /** Whether model {@code name} was saved completely (its card exists). */
    public boolean contains(String name) {
        return Files.isRegularFile(folder(name).resolve(CARD));
    }

    /** Whether the card of {@code name} predates key ids (it named the key by a key-derived fingerprint): trained again. */
    private boolean writtenBeforeKeyIds(String name) throws IOException {
        return !Files.readString(folder(name).resolve(CARD), StandardCharsets.UTF_8).contains("\"keyId\"");
    }

    /** Reads the card of a saved model. */
    public Card card(String name) throws IOException {
        Path file = folder(name).resolve(CARD);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no model '" + name + "' in " + root + " (missing " + CARD
                    + "): train it first, e.g. with getOrTrain, or run the notebook that saves it");
        }
        try {
            Card card = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Card.class);
            if (card == null || card.spec() == null || card.classes() == null || card.keyId() == null) {
                throw new JsonParseException("fields missing");
            }
            return card;
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("model card " + file + " is not a complete modelkey model card ("
                    + e.getMessage() + "): delete the folder " + folder(name) + " to train the model again", e);
        }
    }

    /**
     * Saves a trained network with its recipe (parameters, key, card: the card last).
     *
     * @param accuracy the held-out accuracy with the correct key (plain images for a plain model)
     */
    public Card save(String name, Network network, Recipe recipe, double accuracy, double trainSeconds)
            throws IOException {
        Path dir = folder(name);
        Files.deleteIfExists(dir.resolve(CARD));
        PretrainedWeights.save(network, dir.resolve(PARAMETERS));
        if (recipe.key() != null) {
            KeyFile.save(recipe.key(), dir.resolve(KEY));
        } else {
            Files.deleteIfExists(dir.resolve(KEY));
        }
        Card card = Card.of(name, network.spec(), recipe, accuracy, trainSeconds);
        AtomicFiles.writeString(dir.resolve(CARD), GSON.toJson(card) + "\n");
        return card;
    }

    /**
     * Loads model {@code name}: builds the architecture its card names, reads the parameters and the
     * key, and checks the key file against the card's key id.
     *
     * @throws IllegalArgumentException if the model is missing, or its files do not agree
     */
    public Stored load(String name) throws IOException {
        return load(name, ModelRegistry::build);
    }

    /**
     * As {@link #load(String)}, for a model whose block {@code architecture} builds from its card's
     * spec (e.g. {@code Fcn::withResNet} for a segmentation model).
     */
    public Stored load(String name, Function<ModelSpec, Block> architecture) throws IOException {
        Card card = card(name);
        Path dir = folder(name);
        SecretKey key = null;
        if (!"none".equals(card.keyId())) {
            key = KeyFile.load(dir.resolve(KEY));
            if (!key.id().equals(card.keyId())) {
                throw new IllegalArgumentException("key file " + dir.resolve(KEY) + " holds key " + key.id()
                        + " but model '" + name + "' was trained with key " + card.keyId()
                        + ": restore the model's own key file, or delete " + dir + " to train it again");
            }
        }
        Network network = Network.of(card.spec(), architecture.apply(card.spec()));
        try {
            PretrainedWeights.load(network, dir.resolve(PARAMETERS));
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
        return new Stored(network, key, card, false);
    }

    /**
     * Loads model {@code name} when it was saved by the same recipe, else trains a fresh network of
     * {@code spec} (initialized from the engine seeded with {@code recipe.seed()}) and saves it.
     *
     * @throws IllegalArgumentException if a stored model of that name has another architecture or
     *     another key: a different model must not silently replace or stand in for it
     */
    public Stored getOrTrain(String name, ModelSpec spec, Recipe recipe, Trainer trainer)
            throws IOException, TranslateException {
        return getOrTrain(name, spec, ModelRegistry::build, recipe, trainer);
    }

    /**
     * As {@link #getOrTrain(String, ModelSpec, Recipe, Trainer)}, for a model whose block
     * {@code architecture} builds from {@code spec} (e.g. {@code Fcn::withResNet}).
     */
    public Stored getOrTrain(String name, ModelSpec spec, Function<ModelSpec, Block> architecture, Recipe recipe,
            Trainer trainer) throws IOException, TranslateException {
        if (contains(name) && !writtenBeforeKeyIds(name)) {
            Card card = card(name);
            if (!card.spec().equals(spec)) {
                throw new IllegalArgumentException("stored model '" + name + "' is " + card.spec()
                        + " but this run asks for " + spec + ": use another name, or delete " + folder(name)
                        + " to replace it");
            }
            SecretKey stored = "none".equals(card.keyId()) ? null : KeyFile.load(folder(name).resolve(KEY));
            if (!Objects.equals(stored, recipe.key())) {
                throw new IllegalArgumentException("stored model '" + name + "' was trained with "
                        + (stored == null ? "no key" : stored) + " but this run's key is "
                        + (recipe.key() == null ? "none" : recipe.key() + ", another key")
                        + ": use the stored key (load the model), another name, or delete " + folder(name)
                        + " to retrain");
            }
            if (card.matches(recipe)) {
                return load(name, architecture);
            }
        }
        Engine.getInstance().setRandomSeed((int) recipe.seed());
        Network network = Network.of(spec, architecture.apply(spec));
        try {
            long start = System.nanoTime();
            double accuracy = trainer.train(network);
            double seconds = (System.nanoTime() - start) / 1e9;
            Card card = save(name, network, recipe, accuracy, seconds);
            return new Stored(network, recipe.key(), card, true);
        } catch (IOException | TranslateException | RuntimeException e) {
            network.close();
            throw e;
        }
    }
}
