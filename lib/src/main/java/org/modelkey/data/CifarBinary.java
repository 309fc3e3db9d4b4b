package org.modelkey.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * CIFAR-10 and CIFAR-100 in their binary versions (Krizhevsky 2009). CIFAR-10
 * ({@code cifar-10-batches-bin}): {@code data_batch_1..5.bin} and {@code test_batch.bin}, records
 * of 1 label byte + 3072 pixel bytes. CIFAR-100 ({@code cifar-100-binary}): {@code train.bin},
 * {@code test.bin}, records of a coarse and a fine label byte + 3072 pixel bytes (the fine label
 * is used). Pixels are 1024 red, 1024 green, 1024 blue values, row-major: already C×H×W.
 */
public final class CifarBinary {

    /** Environment variables with the folders of the binary versions. */
    public static final String CIFAR10_ENV = "MODELKEY_CIFAR10";
    public static final String CIFAR100_ENV = "MODELKEY_CIFAR100";

    private static final int IMAGE_BYTES = 3 * 32 * 32;

    /** Which of the two data sets. */
    public enum Variant {
        CIFAR10("cifar-10-batches-bin", 1, 10, "batches.meta.txt",
                List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
                List.of("test_batch.bin")),
        CIFAR100("cifar-100-binary", 2, 100, "fine_label_names.txt", List.of("train.bin"), List.of("test.bin"));

        final String folder;
        final int labelBytes;
        final int classCount;
        final String namesFile;
        final List<String> trainFiles;
        final List<String> testFiles;

        Variant(String folder, int labelBytes, int classCount, String namesFile, List<String> trainFiles,
                List<String> testFiles) {
            this.folder = folder;
            this.labelBytes = labelBytes;
            this.classCount = classCount;
            this.namesFile = namesFile;
            this.trainFiles = trainFiles;
            this.testFiles = testFiles;
        }

        String layout() {
            return folder + "/ (or its contents) with " + String.join(", ", trainFiles) + " and "
                    + String.join(", ", testFiles);
        }
    }

    private CifarBinary() {}

    /** The set in the folder named by its environment variable. */
    public static TrainTestSplit<ByteImages> fromEnvironment(Variant variant) throws IOException {
        String env = variant == Variant.CIFAR10 ? CIFAR10_ENV : CIFAR100_ENV;
        return load(DataPaths.require(env, variant.name(), variant.layout()), variant);
    }

    /** Loads from {@code dir}: the batches folder itself or the folder that contains it. */
    public static TrainTestSplit<ByteImages> load(Path dir, Variant variant) throws IOException {
        DataPaths.requireFolder(dir, variant.name(), variant.layout());
        Path batches = Files.isDirectory(dir.resolve(variant.folder)) ? dir.resolve(variant.folder) : dir;
        List<String> classes = classNames(batches, variant);
        return new TrainTestSplit<>(read(batches, variant.trainFiles, variant, classes),
                read(batches, variant.testFiles, variant, classes));
    }

    private static ByteImages read(Path dir, List<String> names, Variant variant, List<String> classes)
            throws IOException {
        int record = variant.labelBytes + IMAGE_BYTES;
        List<byte[]> contents = new ArrayList<>();
        int count = 0;
        for (String name : names) {
            Path file = DataPaths.requireFile(dir.resolve(name), "a " + variant.name() + " binary batch; the folder should be "
                    + variant.layout());
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0 || bytes.length % record != 0) {
                throw new IOException(file + " has " + bytes.length + " bytes, not a whole number of " + record
                        + "-byte records (" + variant.labelBytes + " label byte(s) + 3072 pixels): the file is truncated;"
                        + " download it again");
            }
            contents.add(bytes);
            count += bytes.length / record;
        }
        byte[] pixels = new byte[count * IMAGE_BYTES];
        int[] labels = new int[count];
        int k = 0;
        for (int f = 0; f < contents.size(); f++) {
            byte[] bytes = contents.get(f);
            int first = k, n = bytes.length / record;
            Path file = dir.resolve(names.get(f));
            for (int i = 0; i < n; i++) {
                int label = bytes[i * record + variant.labelBytes - 1] & 0xff;
                if (label >= variant.classCount) {
                    throw new IOException(file + ": record " + i + " has label " + label + " but " + variant.name()
                            + " has classes 0.." + (variant.classCount - 1) + ": is this the right variant?");
                }
                labels[first + i] = label;
            }
            IntStream.range(0, n).forEach(i -> System.arraycopy(bytes, i * record + variant.labelBytes, pixels,
                    (first + i) * IMAGE_BYTES, IMAGE_BYTES));
            k += n;
        }
        return ByteImages.labelled(3, 32, 32, pixels, labels, classes);
    }

    /** Class names from the meta file if present, else the class numbers. */
    private static List<String> classNames(Path dir, Variant variant) throws IOException {
        Path meta = dir.resolve(variant.namesFile);
        if (Files.isRegularFile(meta)) {
            List<String> names = Files.readAllLines(meta).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (names.size() == variant.classCount) {
                return names;
            }
        }
        return IntStream.range(0, variant.classCount).mapToObj(Integer::toString).toList();
    }
}
