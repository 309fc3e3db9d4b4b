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
 * 255 on object boundaries and difficult regions; 8-bit grey masks holding the class index, as in the
 * augmented set SegmentationClassAug, are read the same way), and the id lists
 * {@code ImageSets/Segmentation/train.txt} and {@code val.txt}. Opening the set checks that every mask
 * has its image's height and width (from the file headers); images are decoded when read.
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
            Path image = root.resolve("JPEGImages").resolve(id + ".jpg");
            Path mask = root.resolve("SegmentationClass").resolve(id + ".png");
            checkSameSize(ImageFiles.size(image), image, ImageFiles.size(mask), mask);
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
        BufferedImage png = ImageFiles.decode(maskFile);
        checkSameSize(new int[] {image.height(), image.width()}, root.resolve("JPEGImages").resolve(id + ".jpg"),
                new int[] {png.getHeight(), png.getWidth()}, maskFile);
        return Sample.masked(image, classIndices(png, maskFile));
    }

    private static void checkSameSize(int[] imageSize, Path image, int[] maskSize, Path mask) throws IOException {
        if (imageSize[0] != maskSize[0] || imageSize[1] != maskSize[1]) {
            throw new IOException("mask " + mask + " is " + maskSize[0] + "×" + maskSize[1] + " (height × width) but its image "
                    + image + " is " + imageSize[0] + "×" + imageSize[1] + ": a mask must cover its image pixel for pixel");
        }
    }

    /**
     * The class indices of a decoded mask: the palette indices of a palette PNG, or the values of an
     * 8-bit grey PNG; values that are not classes or 255 are refused.
     */
    private static byte[] classIndices(BufferedImage png, Path file) throws IOException {
        boolean palette = png.getColorModel() instanceof IndexColorModel;
        boolean grey = png.getType() == BufferedImage.TYPE_BYTE_GRAY;
        if (!palette && !grey) {
            throw new IOException(file + " is neither a palette PNG nor an 8-bit grey PNG: VOC masks store class indices"
                    + " as palette entries or grey values (SegmentationClass/*.png, not SegmentationObject or an RGB rendering)");
        }
        int h = png.getHeight(), w = png.getWidth();
        Raster raster = png.getRaster();
        int[] values = raster.getSamples(0, 0, w, h, 0, (int[]) null);
        byte[] mask = new byte[h * w];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v >= CLASSES.size() && v != Sample.IGNORE) {
                throw new IOException(file + ": pixel (row " + i / w + ", column " + i % w + ") has " + (palette ? "palette index " : "value ") + v
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
