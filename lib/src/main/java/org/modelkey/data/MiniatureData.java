package org.modelkey.data;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.modelkey.Profile;
import org.modelkey.io.AtomicFiles;

/**
 * Miniature copies of the papers' data sets in their real formats, for rehearsing the paper profile
 * on a machine without them: an ImageNet-style tree of JPEG class folders, a PASCAL VOC 2012 tree
 * (JPEG images, palette-PNG masks with 255 borders, the train/val lists), CIFAR-10 and CIFAR-100
 * binary batches and gzipped MNIST IDX files. The images have real structure: the classification
 * and segmentation sets are embedded stamp scenes ({@link StampScenes}; their 5 classes take label
 * indices 0..4 of CIFAR's 10 or 100 and mask values 1..5 of VOC's 21), the MNIST files hold real
 * digits ({@link NpmMnist}). The kit's loaders read each set exactly as they read the real one.
 */
public final class MiniatureData {

    /** Sizes of the miniature sets; image side of the ImageNet and VOC images (CIFAR is 32, MNIST 28). */
    public record Config(int side, int trainPerSet, int testPerSet, long seed) {
        public Config {
            if (side < 8 || trainPerSet < 1 || testPerSet < 1) {
                throw new IllegalArgumentException("miniature data of side " + side + " with " + trainPerSet + " training and "
                        + testPerSet + " test images: give a side of at least 8 and at least one image of each");
            }
        }

        /**
         * What the rehearsal of the paper profile uses: 64×64 photographs, 1,280 training images per
         * set (so that the papers' batch sizes fit: a 10 % subset is one ICIP 2021 fine-tuning batch
         * of 128, the 90 % of VOC's training images left after validation hold four batches of 256)
         * and 128 test images.
         */
        public static Config rehearsal() {
            return new Config(64, 1280, 128, Profile.PAPER.seed());
        }

        String stem() {
            return "side" + side + "-" + trainPerSet + "+" + testPerSet + "-s" + seed;
        }
    }

    private static final int CIFAR_TRAIN_BATCHES = 5;

    private MiniatureData() {}

    /**
     * The folders of the miniature sets under {@code root}, written first unless a complete set of
     * this configuration is there, by the environment variable a user sets for the real one
     * ({@code MODELKEY_IMAGENET}, {@code MODELKEY_VOC}, {@code MODELKEY_CIFAR10},
     * {@code MODELKEY_CIFAR100}, {@code MODELKEY_MNIST}).
     *
     * @param cacheDir where the embedded stamps and MNIST digits are installed (environment/setup-data)
     */
    public static Map<String, Path> write(Path root, Path cacheDir, Config config) throws IOException {
        Path base = root.resolve(config.stem());
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put(ImageFolder.IMAGENET_ENV, base.resolve("imagenet"));
        folders.put(VocSegmentation.VOC_ENV, base.resolve("VOCdevkit"));
        folders.put(CifarBinary.CIFAR10_ENV, base.resolve("cifar10"));
        folders.put(CifarBinary.CIFAR100_ENV, base.resolve("cifar100"));
        folders.put(MnistFiles.MNIST_ENV, base.resolve("mnist"));
        Path done = base.resolve(".complete");
        if (Files.isRegularFile(done)) {
            return folders;
        }
        StampCatalog catalog = StampCatalog.load(cacheDir);
        TrainTestSplit<ByteImages> photos = StampScenes.generate(catalog,
                StampConfig.classification(config.side(), config.trainPerSet(), config.testPerSet(), config.seed()));
        writeImageFolder(folders.get(ImageFolder.IMAGENET_ENV), photos);
        writeVoc(folders.get(VocSegmentation.VOC_ENV).resolve("VOC2012"), StampScenes.generate(catalog,
                StampConfig.segmentation(config.side(), config.trainPerSet(), config.testPerSet(), config.seed() + 1)));
        TrainTestSplit<ByteImages> tiny = StampScenes.generate(catalog,
                StampConfig.classification(32, config.trainPerSet(), config.testPerSet(), config.seed() + 2));
        writeCifar(folders.get(CifarBinary.CIFAR10_ENV).resolve("cifar-10-batches-bin"), tiny, CifarBinary.Variant.CIFAR10);
        writeCifar(folders.get(CifarBinary.CIFAR100_ENV).resolve("cifar-100-binary"), tiny, CifarBinary.Variant.CIFAR100);
        writeMnist(folders.get(MnistFiles.MNIST_ENV), NpmMnist.load(cacheDir), config);
        AtomicFiles.write(done, out -> out.write((config + "\n").getBytes(StandardCharsets.UTF_8)));
        return folders;
    }

    /** {@code train/<class>/<class>_<n>.JPEG} and {@code val/<class>/...}, as ImageNet's folders. */
    static void writeImageFolder(Path root, TrainTestSplit<ByteImages> data) throws IOException {
        for (var split : List.of(Map.entry("train", data.train()), Map.entry("val", data.test()))) {
            ByteImages images = split.getValue();
            for (String c : images.classes()) {
                Files.createDirectories(root.resolve(split.getKey()).resolve(c));
            }
            for (int i = 0; i < images.size(); i++) {
                String c = images.classes().get(images.label(i));
                writeImage(root.resolve(split.getKey()).resolve(c).resolve(String.format("%s_%05d.JPEG", c, i)),
                        images.sample(i).image().toBufferedImage(), "jpg");
            }
        }
    }

    /** {@code JPEGImages/<id>.jpg}, {@code SegmentationClass/<id>.png} (VOC palette), {@code ImageSets/Segmentation/*.txt}. */
    static void writeVoc(Path root, TrainTestSplit<ByteImages> data) throws IOException {
        Files.createDirectories(root.resolve("JPEGImages"));
        Files.createDirectories(root.resolve("SegmentationClass"));
        int next = 0;
        for (var split : List.of(Map.entry("train", data.train()), Map.entry("val", data.test()))) {
            ByteImages images = split.getValue();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                String id = String.format("2012_%06d", next++);
                Sample s = images.sample(i);
                writeImage(root.resolve("JPEGImages").resolve(id + ".jpg"), s.image().toBufferedImage(), "jpg");
                writeImage(root.resolve("SegmentationClass").resolve(id + ".png"),
                        paletteMask(s.mask(), images.height(), images.width()), "png");
                ids.add(id);
            }
            Path list = root.resolve("ImageSets").resolve("Segmentation").resolve(split.getKey() + ".txt");
            Files.createDirectories(list.getParent());
            AtomicFiles.write(list, out -> out.write((String.join("\n", ids) + "\n").getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static BufferedImage paletteMask(byte[] mask, int height, int width) {
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, VocPalette.colorModel());
        WritableRaster raster = png.getRaster();
        raster.setSamples(0, 0, width, height, 0, IntStream.range(0, mask.length).map(i -> mask[i] & 0xff).toArray());
        return png;
    }

    /**
     * The binary batches: records of label byte(s) (CIFAR-100: coarse, then fine) and 3072 pixel
     * bytes, channel planes R, G, B; the training images dealt over the five CIFAR-10 batches.
     */
    static void writeCifar(Path dir, TrainTestSplit<ByteImages> data, CifarBinary.Variant variant) throws IOException {
        Files.createDirectories(dir);
        boolean ten = variant == CifarBinary.Variant.CIFAR10;
        int files = ten ? CIFAR_TRAIN_BATCHES : 1;
        for (int f = 0; f < files; f++) {
            String name = ten ? "data_batch_" + (f + 1) + ".bin" : "train.bin";
            writeCifarRecords(dir.resolve(name), data.train(), f, files, ten);
        }
        writeCifarRecords(dir.resolve(ten ? "test_batch.bin" : "test.bin"), data.test(), 0, 1, ten);
        List<String> names = new ArrayList<>(data.train().classes());
        while (names.size() < (ten ? 10 : 100)) {
            names.add("unused_" + names.size());
        }
        AtomicFiles.write(dir.resolve(ten ? "batches.meta.txt" : "fine_label_names.txt"),
                out -> out.write((String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static void writeCifarRecords(Path file, ByteImages images, int part, int parts, boolean ten)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = part; i < images.size(); i += parts) {
            if (!ten) {
                bytes.write(0); // coarse label: the kit reads the fine one
            }
            bytes.write(images.label(i));
            bytes.write(images.bytes(i));
        }
        AtomicFiles.write(file, out -> bytes.writeTo(out));
    }

    /** {@code train-images-idx3-ubyte.gz} and the three other files of MNIST, from digits drawn at random. */
    static void writeMnist(Path dir, ByteImages digits, Config config) throws IOException {
        int train = Math.min(config.trainPerSet(), digits.size() / 2);
        int test = Math.min(config.testPerSet(), digits.size() - train);
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, digits.size()).boxed().toList());
        Collections.shuffle(shuffled, new Random(config.seed()));
        int[] order = shuffled.stream().mapToInt(Integer::intValue).toArray();
        Files.createDirectories(dir);
        writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), digits, order, 0, train, true);
        writeIdx(dir.resolve("train-labels-idx1-ubyte.gz"), digits, order, 0, train, false);
        writeIdx(dir.resolve("t10k-images-idx3-ubyte.gz"), digits, order, train, test, true);
        writeIdx(dir.resolve("t10k-labels-idx1-ubyte.gz"), digits, order, train, test, false);
    }

    /** An IDX file (LeCun et al.): magic 0x0000080D (0x08: unsigned bytes; D dimensions), big-endian sizes, the bytes. */
    private static void writeIdx(Path file, ByteImages digits, int[] order, int first, int count, boolean images) throws IOException {
        AtomicFiles.write(file, out -> {
            GZIPOutputStream gzip = new GZIPOutputStream(out);
            DataOutputStream idx = new DataOutputStream(gzip);
            idx.writeInt(0x0800 | (images ? 3 : 1));
            idx.writeInt(count);
            if (images) {
                idx.writeInt(digits.height());
                idx.writeInt(digits.width());
            }
            for (int i = first; i < first + count; i++) {
                if (images) {
                    idx.write(digits.bytes(order[i]));
                } else {
                    idx.write(digits.label(order[i]));
                }
            }
            idx.flush();
            gzip.finish();
        });
    }

    /** JPEG quality of the written photographs, about that of ImageNet's and VOC's files. */
    private static final float JPEG_QUALITY = 0.95f;

    private static void writeImage(Path file, BufferedImage image, String format) throws IOException {
        AtomicFiles.write(file, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        });
    }

    /**
     * Writes the rehearsal's miniature data under the folder given (default
     * {@code <cache>/miniature}) and prints the {@code export} lines of its environment variables.
     */
    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : Profile.cacheDir().resolve("miniature");
        for (Map.Entry<String, Path> e : write(root, Profile.cacheDir(), Config.rehearsal()).entrySet()) {
            System.out.println("export " + e.getKey() + "=" + e.getValue().toAbsolutePath());
        }
    }
}
