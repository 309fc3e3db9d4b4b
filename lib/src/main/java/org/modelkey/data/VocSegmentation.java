package org.modelkey.data;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * PASCAL VOC 2012 segmentation (Everingham et al.): {@code JPEGImages/<id>.jpg},
 * {@code SegmentationClass/<id>.png} (palette PNGs whose pixel values are class indices 0..20,
 * 255 on object boundaries and difficult regions), and the id lists
 * {@code ImageSets/Segmentation/train.txt} and {@code val.txt}. Images are decoded when read.
 */
public final class VocSegmentation implements ImageSource {

    /** Environment variable with the VOC2012 folder (or VOCdevkit, or the folder above it). */
    public static final String VOC_ENV = "MODELKEY_VOC";

    /** Mask value → class name. */
    public static final List<String> CLASSES = List.of("background", "aeroplane", "bicycle", "bird", "boat",
            "bottle", "bus", "car", "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person",
            "pottedplant", "sheep", "sofa", "train", "tvmonitor");

    private static final String LAYOUT = "VOC2012/JPEGImages/<id>.jpg, VOC2012/SegmentationClass/<id>.png and"
            + " VOC2012/ImageSets/Segmentation/{train,val}.txt";

    private final Path root;
    private final List<String> ids;

    private VocSegmentation(Path root, List<String> ids) {
        this.root = root;
        this.ids = ids;
    }

    /** VOC 2012 from the folder in {@value #VOC_ENV}. */
    public static TrainTestSplit<VocSegmentation> fromEnvironment() throws IOException {
        return open(DataPaths.require(VOC_ENV, "PASCAL VOC 2012", LAYOUT));
    }

    /** The train and val lists of the VOC 2012 folder at or below {@code dir}. */
    public static TrainTestSplit<VocSegmentation> open(Path dir) throws IOException {
        DataPaths.requireFolder(dir, "PASCAL VOC 2012", LAYOUT);
        Path root = dir;
        for (Path candidate : List.of(dir.resolve("VOC2012"), dir.resolve("VOCdevkit").resolve("VOC2012"))) {
            if (!Files.isDirectory(root.resolve("JPEGImages")) && Files.isDirectory(candidate)) {
                root = candidate;
            }
        }
        DataPaths.requireFolder(root.resolve("JPEGImages"), "PASCAL VOC 2012", LAYOUT);
        DataPaths.requireFolder(root.resolve("SegmentationClass"), "PASCAL VOC 2012", LAYOUT);
        return new TrainTestSplit<>(split(root, "train"), split(root, "val"));
    }

    private static VocSegmentation split(Path root, String name) throws IOException {
        Path list = DataPaths.requireFile(root.resolve("ImageSets").resolve("Segmentation").resolve(name + ".txt"),
                "the list of " + name + " image ids, one per line (layout " + LAYOUT + ")");
        List<String> ids = Files.readAllLines(list).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (ids.isEmpty()) {
            throw new IllegalStateException(list + " lists no image ids: expected one id (e.g. 2007_000032) per line");
        }
        for (String id : ids) {
            DataPaths.requireFile(root.resolve("JPEGImages").resolve(id + ".jpg"), "the image of id " + id + " listed in " + list);
            DataPaths.requireFile(root.resolve("SegmentationClass").resolve(id + ".png"),
                    "the palette PNG mask of id " + id + " listed in " + list);
        }
        return new VocSegmentation(root, ids);
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public List<String> classes() {
        return CLASSES;
    }

    @Override
    public boolean segmentation() {
        return true;
    }

    @Override
    public Sample sample(int index) throws IOException {
        checkIndex(index);
        String id = ids.get(index);
        Pixels image = Pixels.rgb(ImageFiles.decode(root.resolve("JPEGImages").resolve(id + ".jpg")));
        Path maskFile = root.resolve("SegmentationClass").resolve(id + ".png");
        byte[] mask = readMask(maskFile);
        if (mask.length != image.height() * image.width()) {
            throw new IOException(maskFile + " does not have the size of its image " + image.height() + "×"
                    + image.width() + ": a mask must cover its image pixel for pixel");
        }
        return Sample.masked(image, mask);
    }

    /** Reads the class indices of a VOC palette PNG, rejecting values that are not classes or 255. */
    static byte[] readMask(Path file) throws IOException {
        BufferedImage png = ImageFiles.decode(file);
        if (!(png.getColorModel() instanceof IndexColorModel)) {
            throw new IOException(file + " is not a palette PNG: VOC masks store class indices as palette entries"
                    + " (SegmentationClass/*.png, not SegmentationObject or an RGB rendering)");
        }
        int h = png.getHeight(), w = png.getWidth();
        Raster raster = png.getRaster();
        int[] values = raster.getSamples(0, 0, w, h, 0, (int[]) null);
        byte[] mask = new byte[h * w];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v >= CLASSES.size() && v != Sample.IGNORE) {
                throw new IOException(file + ": pixel (row " + i / w + ", column " + i % w + ") has palette index " + v
                        + " but VOC masks hold class indices 0.." + (CLASSES.size() - 1) + " or 255 (ignore)");
            }
            mask[i] = (byte) v;
        }
        return mask;
    }

    /** The image id of sample {@code index}. */
    public String id(int index) {
        checkIndex(index);
        return ids.get(index);
    }
}
