package org.modelkey.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST and Fashion-MNIST from a folder of the four IDX files ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each optionally {@code .gz}). Fashion-MNIST is embedded: {@code environment/setup-data} puts the
 * Debian package's files in {@code cacheDir/fashion-mnist}.
 */
public final class MnistFiles {

    /** Environment variable with the folder of the real MNIST IDX files. */
    public static final String MNIST_ENV = "MODELKEY_MNIST";

    public static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    public static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String LAYOUT = "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte"
            + " and t10k-labels-idx1-ubyte (each may end in .gz)";

    private MnistFiles() {}

    /** The embedded Fashion-MNIST (60,000 training and 10,000 test images, 1×28×28). */
    public static TrainTestSplit<ByteImages> fashionMnist(Path cacheDir) throws IOException {
        Path dir = cacheDir.resolve("fashion-mnist");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Fashion-MNIST is missing from the cache " + cacheDir
                    + ": run environment/setup-data (or point MODELKEY_CACHE at the cache it filled)");
        }
        return load(dir, FASHION);
    }

    /** MNIST from the folder in {@value #MNIST_ENV}. */
    public static TrainTestSplit<ByteImages> mnistFromEnvironment() throws IOException {
        return load(DataPaths.require(MNIST_ENV, "MNIST", LAYOUT), DIGITS);
    }

    /** The training and test sets of the IDX files in {@code dir}. */
    public static TrainTestSplit<ByteImages> load(Path dir, List<String> classes) throws IOException {
        DataPaths.requireFolder(dir, "MNIST-format data", LAYOUT);
        return new TrainTestSplit<>(pair(dir, "train", classes), pair(dir, "t10k", classes));
    }

    private static ByteImages pair(Path dir, String prefix, List<String> classes) throws IOException {
        Path imageFile = find(dir, prefix + "-images-idx3-ubyte");
        Path labelFile = find(dir, prefix + "-labels-idx1-ubyte");
        IdxFile images = IdxFile.read(imageFile);
        IdxFile labels = IdxFile.read(labelFile);
        if (images.dims().length != 3) {
            throw new IOException(imageFile + " has " + images.dims().length
                    + " dimensions but an image file has 3 (count, rows, columns)");
        }
        if (labels.dims().length != 1 || labels.count() != images.count()) {
            throw new IOException(labelFile + " holds " + labels.count() + " labels but " + imageFile + " holds "
                    + images.count() + " images: they must match one to one");
        }
        int[] y = new int[labels.count()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.data()[i] & 0xff;
            if (y[i] >= classes.size()) {
                throw new IOException(labelFile + ": label " + y[i] + " of item " + i + " is not a class index 0.."
                        + (classes.size() - 1));
            }
        }
        return ByteImages.labelled(1, images.dims()[1], images.dims()[2], images.data(), y, classes);
    }

    private static Path find(Path dir, String stem) {
        for (Path candidate : List.of(dir.resolve(stem), dir.resolve(stem + ".gz"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("folder " + dir + " has no " + stem + " (nor " + stem + ".gz): it should hold "
                + LAYOUT);
    }
}
