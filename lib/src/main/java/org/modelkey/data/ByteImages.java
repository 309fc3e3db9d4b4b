package org.modelkey.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Equal-sized 8-bit images held as one block of bytes, planar C×H×W per image, with labels or
 * masks: the in-memory form of MNIST, Fashion-MNIST, CIFAR and the generated stamp scenes. The
 * bytes may be a heap array or a memory-mapped cache file ({@link ByteImagesFile}), in which case
 * the operating system streams them from disk and a set larger than the heap still works.
 */
public final class ByteImages implements ImageSource {

    private final int count;
    private final int channels;
    private final int height;
    private final int width;
    private final ByteBuffer pixels;
    private final int[] labels;
    private final ByteBuffer masks;
    private final int[] sources;
    private final List<String> classes;

    /**
     * @param pixels  count·C·H·W bytes, image after image, each planar C×H×W
     * @param labels  one class index per image, or null for a segmentation set
     * @param masks   count·H·W bytes of masks, or null for a classification set
     * @param sources per image, the id of the source object it was made from (for the stamp
     *                scenes, the stamp), or null
     */
    public ByteImages(int count, int channels, int height, int width, ByteBuffer pixels, int[] labels,
                      ByteBuffer masks, int[] sources, List<String> classes) {
        long expected = (long) count * channels * height * width;
        if (pixels.remaining() != expected) {
            throw new IllegalArgumentException("pixel block has " + pixels.remaining() + " bytes but " + count
                    + " images of " + channels + "×" + height + "×" + width + " need " + expected);
        }
        if ((labels == null) == (masks == null)) {
            throw new IllegalArgumentException("give either labels (classification) or masks (segmentation)");
        }
        if (labels != null && labels.length != count) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " images: need one per image");
        }
        if (masks != null && masks.remaining() != (long) count * height * width) {
            throw new IllegalArgumentException("mask block has " + masks.remaining() + " bytes but " + count
                    + " masks of " + height + "×" + width + " need " + (long) count * height * width);
        }
        if (labels != null) {
            for (int i = 0; i < count; i++) {
                if (labels[i] < 0 || labels[i] >= classes.size()) {
                    throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is outside 0.."
                            + (classes.size() - 1) + ": the set has " + classes.size() + " classes");
                }
            }
        }
        this.count = count;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels.slice();
        this.labels = labels;
        this.masks = masks == null ? null : masks.slice();
        this.sources = sources;
        this.classes = List.copyOf(classes);
    }

    /** A classification set held in a heap array. */
    public static ByteImages labelled(int channels, int height, int width, byte[] pixels, int[] labels,
                                      List<String> classes) {
        return new ByteImages(labels.length, channels, height, width, ByteBuffer.wrap(pixels), labels, null,
                null, classes);
    }

    /**
     * Reads every sample of {@code source} once, passes it through {@code prepare} (e.g. a resize to
     * the model's input size) and keeps the result as 8-bit images and masks in memory, as a PIL-based
     * pipeline holds resized images: an evaluation set that is scored many times (every key of an
     * access-control test) is then decoded and resized once instead of on every pass.
     *
     * @param prepare a deterministic transform (the generator it gets is seeded by the sample index)
     * @throws IllegalArgumentException if the prepared samples differ in shape
     */
    public static ByteImages copyOf(ImageSource source, SampleTransform prepare) throws IOException {
        int count = source.size();
        if (count == 0) {
            throw new IllegalArgumentException("the source is empty: give at least one sample to copy");
        }
        Sample first = prepare.apply(source.sample(0), Seeds.random(0, 0));
        int c = first.image().channels(), h = first.image().height(), w = first.image().width(), plane = h * w;
        boolean masked = first.mask() != null;
        byte[] pixels = new byte[count * c * plane];
        byte[] masks = masked ? new byte[count * plane] : null;
        int[] labels = masked ? null : new int[count];
        for (int i = 0; i < count; i++) {
            Sample s = i == 0 ? first : prepare.apply(source.sample(i), Seeds.random(0, i));
            Pixels p = s.image();
            if (p.channels() != c || p.height() != h || p.width() != w || (s.mask() != null) != masked) {
                throw new IllegalArgumentException("sample " + i + " is " + p.channels() + "×" + p.height() + "×"
                        + p.width() + (s.mask() != null ? " with a mask" : " with a label") + " but sample 0 is "
                        + c + "×" + h + "×" + w + (masked ? " with a mask" : " with a label")
                        + ": prepare every sample to one size (e.g. a resize to side×side)");
            }
            float[] data = p.data();
            for (int k = 0; k < data.length; k++) {
                pixels[i * c * plane + k] = (byte) Pixels.toByte(data[k]);
            }
            if (masked) {
                System.arraycopy(s.mask(), 0, masks, i * plane, plane);
            } else {
                labels[i] = s.label();
            }
        }
        return new ByteImages(count, c, h, w, ByteBuffer.wrap(pixels), labels,
                masked ? ByteBuffer.wrap(masks) : null, null, source.classes());
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public boolean segmentation() {
        return masks != null;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    @Override
    public Sample sample(int index) {
        checkIndex(index);
        byte[] bytes = bytes(index);
        float[] data = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (bytes[i] & 0xff) / 255f;
        }
        Pixels image = new Pixels(channels, height, width, data);
        if (masks == null) {
            return Sample.labelled(image, labels[index]);
        }
        byte[] mask = new byte[height * width];
        masks.get(index * height * width, mask);
        return Sample.masked(image, mask);
    }

    @Override
    public int label(int index) {
        checkIndex(index);
        if (labels == null) {
            throw ImageSource.noLabels();
        }
        return labels[index];
    }

    /** Id of the source object image {@code index} was made from, or -1 when not recorded. */
    public int source(int index) {
        checkIndex(index);
        return sources == null ? -1 : sources[index];
    }

    /** The raw 8-bit image bytes of one sample (C×H×W). */
    public byte[] bytes(int index) {
        checkIndex(index);
        byte[] out = new byte[channels * height * width];
        pixels.get(index * out.length, out);
        return out;
    }

    ByteBuffer pixelBlock() {
        return pixels.duplicate();
    }

    ByteBuffer maskBlock() {
        return masks == null ? null : masks.duplicate();
    }

    int[] labelArray() {
        return labels;
    }

    int[] sourceArray() {
        return sources;
    }
}
