package org.modelkey.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The embedded "stamps" data sets: synthetic scenes of Tux Paint photo cut-outs on landscape
 * photographs ({@link StampCatalog}, {@link SceneGenerator}). The split into training and test is
 * by source stamp (test objects never seen in training) or by background photograph (test scenes
 * composed on photographs no training scene uses), as {@link StampConfig#split()} says. Built once per
 * {@link StampConfig} into two cache files under {@code cacheDir/data} and re-read after.
 *
 * <pre>{@code
 * var stamps = StampScenes.load(Profile.cacheDir(), StampConfig.classification(32, 5000, 1000, 1));
 * var train = ImageDataset.builder(stamps.train()).setSampling(64, true).build();
 * }</pre>
 */
public final class StampScenes {

    /** Format of the generated scenes; bump when the generator changes so old caches are rebuilt. */
    private static final int GENERATOR_VERSION = 2;

    private StampScenes() {}

    /** Reads the set for {@code config} from the cache, building it first if needed. */
    public static TrainTestSplit<ByteImages> load(Path cacheDir, StampConfig config) throws IOException {
        StampCatalog catalog = StampCatalog.load(cacheDir);
        String stem = config.fileStem() + "-v" + GENERATOR_VERSION + "-" + catalog.fingerprint();
        Path train = cacheDir.resolve("data").resolve(stem + "-train.bin");
        Path test = cacheDir.resolve("data").resolve(stem + "-test.bin");
        if (!Files.isRegularFile(train) || !Files.isRegularFile(test)) {
            TrainTestSplit<ByteImages> built = generate(catalog, config);
            ByteImagesFile.write(test, built.test());
            ByteImagesFile.write(train, built.train());
        }
        return new TrainTestSplit<>(ByteImagesFile.read(train), ByteImagesFile.read(test));
    }

    /** Generates the set for {@code config} in memory (no cache). */
    public static TrainTestSplit<ByteImages> generate(StampCatalog catalog, StampConfig config) throws IOException {
        int size = config.size();
        List<SceneGenerator.Cutout> cutouts = catalog.cutouts(size);
        List<Pixels> backgrounds = catalog.backgrounds(size, config.segmentation());
        List<String> classes = new ArrayList<>(catalog.classes());
        if (config.instances()) {
            cutouts = cutouts.stream().map(k -> new SceneGenerator.Cutout(k.stamp(), k.stamp(), k.rgba())).toList();
            classes = new ArrayList<>(catalog.stamps().stream().map(StampCatalog.Stamp::name).toList());
        }
        int classCount = classes.size();
        List<List<List<SceneGenerator.Cutout>>> pools;
        List<List<Pixels>> photographs;
        if (config.split() == StampConfig.Split.BY_STAMP) {
            pools = splitByStamp(cutouts, classCount, config);
            photographs = List.of(backgrounds, backgrounds);
        } else {
            List<List<SceneGenerator.Cutout>> all = byClass(cutouts, classCount);
            pools = List.of(all, all);
            photographs = config.split() == StampConfig.Split.BY_REGION ? splitRegions(backgrounds, config.testShare())
                    : splitBackgrounds(backgrounds.size(), config).stream()
                            .map(ix -> ix.stream().map(backgrounds::get).toList()).toList();
        }
        if (config.segmentation()) {
            classes.add(0, "background");
        }
        return new TrainTestSplit<>(
                scenes(new SceneGenerator(size, photographs.get(0), config.ignoreEdges()), pools.get(0),
                        config.trainCount(), config, 0, classes),
                scenes(new SceneGenerator(size, photographs.get(1), config.ignoreEdges()), pools.get(1),
                        config.testCount(), config, 1, classes));
    }

    /**
     * For a split by background, the indices into the catalog's backgrounds that each split (0
     * train, 1 test) composes its scenes on: a seeded choice of {@code testShare} of them (at least
     * one each) for testing, the rest for training.
     */
    static List<List<Integer>> splitBackgrounds(int count, StampConfig config) {
        if (count < 2) {
            throw new IllegalStateException(count + " background photographs: a split by background needs at least 2:"
                    + " re-run environment/setup-data");
        }
        List<Integer> all = new ArrayList<>(IntStream.range(0, count).boxed().toList());
        Collections.shuffle(all, Seeds.random(config.seed(), -2));
        int nTest = (int) Math.min(count - 1, Math.max(1, Math.round(config.testShare() * count)));
        return List.of(all.subList(nTest, count).stream().sorted().toList(), all.subList(0, nTest).stream().sorted().toList());
    }

    /** For a split by region: each photograph's left part (training) and its right {@code testShare} (test). */
    static List<List<Pixels>> splitRegions(List<Pixels> backgrounds, double testShare) {
        List<Pixels> train = new ArrayList<>(), test = new ArrayList<>();
        for (Pixels bg : backgrounds) {
            int h = bg.height(), w = bg.width(), right = (int) Math.round(w * testShare);
            if (right < 1 || right >= w) {
                throw new IllegalStateException("a background of width " + w + " cannot spare a share of " + testShare
                        + " for test: choose a share between 1/" + w + " and 1 - 1/" + w);
            }
            train.add(Resampling.crop(bg, 0, 0, h, w - right, h, w - right, false));
            test.add(Resampling.crop(bg, 0, w - right, h, right, h, right, false));
        }
        return List.of(train, test);
    }

    private static List<List<SceneGenerator.Cutout>> byClass(List<SceneGenerator.Cutout> cutouts, int classCount) {
        return IntStream.range(0, classCount)
                .mapToObj(c -> cutouts.stream().filter(k -> k.classIndex() == c).toList()).toList();
    }

    /** Per split (0 train, 1 test), per class, the cut-outs it may use: a seeded split of each class's stamps. */
    static List<List<List<SceneGenerator.Cutout>>> splitByStamp(List<SceneGenerator.Cutout> cutouts, int classCount,
                                                                 StampConfig config) {
        List<List<SceneGenerator.Cutout>> train = new ArrayList<>(), test = new ArrayList<>();
        Random rng = Seeds.random(config.seed(), -1);
        for (List<SceneGenerator.Cutout> ofClass : byClass(cutouts, classCount)) {
            List<SceneGenerator.Cutout> all = new ArrayList<>(ofClass);
            if (all.size() < 2) {
                throw new IllegalStateException("class " + train.size() + " has " + all.size()
                        + " stamps; a train/test split by stamp needs at least 2: re-run environment/setup-data");
            }
            Collections.shuffle(all, rng);
            int nTest = (int) Math.min(all.size() - 1, Math.max(1, Math.round(config.testShare() * all.size())));
            test.add(List.copyOf(all.subList(0, nTest)));
            train.add(List.copyOf(all.subList(nTest, all.size())));
        }
        return List.of(train, test);
    }

    private static ByteImages scenes(SceneGenerator generator, List<List<SceneGenerator.Cutout>> pool, int count,
                                     StampConfig config, int split, List<String> classes) {
        int size = config.size(), classCount = pool.size(), plane = size * size;
        byte[] pixels = new byte[count * 3 * plane];
        byte[] masks = new byte[count * plane];
        int[] labels = new int[count];
        int[] sources = new int[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            Random rng = Seeds.random(config.seed(), split, i);
            int label = i % classCount;
            List<SceneGenerator.Cutout> own = pool.get(label);
            SceneGenerator.Cutout main = own.get(rng.nextInt(own.size()));
            List<SceneGenerator.Cutout> extras = new ArrayList<>();
            int extraCount = rng.nextInt(config.maxObjects());
            for (int k = 0; k < extraCount; k++) {
                List<SceneGenerator.Cutout> other = pool.get(rng.nextInt(classCount));
                extras.add(other.get(rng.nextInt(other.size())));
            }
            SceneGenerator.Scene scene = generator.compose(rng, main, extras);
            float[] data = scene.image().data();
            for (int k = 0; k < data.length; k++) {
                pixels[i * 3 * plane + k] = (byte) Pixels.toByte(data[k]);
            }
            System.arraycopy(scene.mask(), 0, masks, i * plane, plane);
            labels[i] = label;
            sources[i] = main.stamp();
        });
        return config.segmentation()
                ? new ByteImages(count, 3, size, size, ByteBuffer.wrap(pixels), null, ByteBuffer.wrap(masks), sources, classes)
                : new ByteImages(count, 3, size, size, ByteBuffer.wrap(pixels), labels, null, sources, classes);
    }
}
