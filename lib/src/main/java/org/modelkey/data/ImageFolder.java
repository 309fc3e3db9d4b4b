package org.modelkey.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Images in class folders, the ImageNet layout of torchvision and DJL's ImageFolder:
 * {@code root/train/<class>/*.jpg} and {@code root/val/<class>/*.jpg}, class index = position of
 * the folder name in sorted order. Only the file list is held; each image is decoded when read,
 * so a set of any size streams from disk. Images keep their own size: give the data set a
 * {@link RandomResizedCrop} (training) or {@link CenterCrop} (evaluation).
 */
public final class ImageFolder implements ImageSource {

    /** Environment variable with the ImageNet folder (holding train/ and val/). */
    public static final String IMAGENET_ENV = "MODELKEY_IMAGENET";

    private static final String LAYOUT = "train/<class>/<image>.jpg and val/<class>/<image>.jpg";

    private final List<String> classes;
    private final List<Path> files;
    private final int[] labels;

    private ImageFolder(List<String> classes, List<Path> files, int[] labels) {
        this.classes = classes;
        this.files = files;
        this.labels = labels;
    }

    /** ImageNet from the folder in {@value #IMAGENET_ENV}. */
    public static TrainTestSplit<ImageFolder> imageNetFromEnvironment() throws IOException {
        return open(DataPaths.require(IMAGENET_ENV, "ImageNet", LAYOUT));
    }

    /** The {@code train} and {@code val} class folders under {@code root}. */
    public static TrainTestSplit<ImageFolder> open(Path root) throws IOException {
        DataPaths.requireFolder(root, "image class folders", LAYOUT);
        Path train = DataPaths.requireFolder(root.resolve("train"), "image class folders", LAYOUT);
        Path val = DataPaths.requireFolder(root.resolve("val"), "image class folders", LAYOUT);
        List<String> classes = subfolders(train);
        if (classes.isEmpty()) {
            throw new IllegalStateException(train + " has no class folders: expected " + LAYOUT);
        }
        return new TrainTestSplit<>(scan(train, classes), scan(val, classes));
    }

    /** The images of one split, with the classes of the training folder. */
    static ImageFolder scan(Path dir, List<String> classes) throws IOException {
        List<String> present = subfolders(dir);
        if (!present.equals(classes)) {
            List<String> missing = new ArrayList<>(classes);
            missing.removeAll(present);
            List<String> extra = new ArrayList<>(present);
            extra.removeAll(classes);
            throw new IllegalStateException(dir + " does not have the same class folders as train/: missing " + missing
                    + ", extra " + extra + "; every split needs one folder per class (expected " + LAYOUT + ")");
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path classDir = dir.resolve(classes.get(c));
            List<Path> images;
            try (Stream<Path> list = Files.list(classDir)) {
                images = list.filter(ImageFolder::isImage).sorted().toList();
            }
            if (images.isEmpty()) {
                throw new IllegalStateException("class folder " + classDir + " holds no .jpg, .jpeg or .png images");
            }
            files.addAll(images);
            for (int i = 0; i < images.size(); i++) {
                labels.add(c);
            }
        }
        return new ImageFolder(List.copyOf(classes), List.copyOf(files), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<String> subfolders(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png"));
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public boolean segmentation() {
        return false;
    }

    @Override
    public Sample sample(int index) throws IOException {
        checkIndex(index);
        return Sample.labelled(Pixels.rgb(ImageFiles.decode(files.get(index))), labels[index]);
    }

    @Override
    public int label(int index) {
        checkIndex(index);
        return labels[index];
    }

    /** The file of sample {@code index}. */
    public Path file(int index) {
        checkIndex(index);
        return files.get(index);
    }
}
