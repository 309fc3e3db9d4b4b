package org.modelkey.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The photographic Tux Paint stamps (Debian package {@code tuxpaint-stamps-default}) that the
 * stamp scenes are made of, and the landscape photographs (package {@code tuxpaint-data}) they are
 * pasted on, as extracted into the cache by {@code environment/setup-data}. A stamp's folder is its
 * class; its alpha channel is an exact mask of the object.
 *
 * <p>Classes and the folders they come from (cartoon, toy, symbol and seasonal stamps are not
 * extracted; the one drawing among the photographs, the hedgehog, is left out):
 * bird (animals/birds, 35 stamps), flower (plants/flowers, 24), fruit (food/fruit, 26),
 * mammal (animals/mammals and its subfolders, 63), vegetable (food/vegetables, 18).
 * Backgrounds: the 19 templates minus those showing objects of these classes or borders
 * (sheep, jellyfish, corn maze, mossy bark): 15 photographs. Segmentation scenes, whose test set
 * holds a quarter of the photographs out, also use seven nature photographs of Debian's
 * {@code mate-backgrounds} ({@link #MORE_BACKGROUNDS}): with 11 training photographs a model learns
 * the backgrounds more than the objects (the README's segmentation trials); the classification
 * scenes keep the 15.
 */
public final class StampCatalog {

    /** Class name → stamp folders under {@code tuxpaint/stamps}. */
    static final Map<String, List<String>> CLASS_FOLDERS = classFolders();

    /** Stamps that are drawings, not photographs. */
    static final Set<String> DRAWINGS = Set.of("animals/mammals/hedgehog.png");

    /** Templates with unlabeled objects of the classes (sheep, sea animals, corn) or black borders. */
    static final Set<String> EXCLUDED_BACKGROUNDS = Set.of("sheep.jpg", "jellyfish.jpg", "corn_maze.jpg",
            "mossy_bark.jpg");

    /** Cache folder of the photographs that {@code environment/setup-data} takes from {@code mate-backgrounds}. */
    public static final String MORE_BACKGROUNDS = "mate-backgrounds";

    /** One stamp: its id (index in {@link #stamps()}), class and file. */
    public record Stamp(int id, int classIndex, String path) {
        /** The stamp's file path without the extension, e.g. {@code animals/birds/robin}: its name as a class. */
        public String name() {
            return path.substring(0, path.length() - ".png".length());
        }
    }

    private final Path root;
    private final List<Stamp> stamps;
    private final List<Path> backgrounds;
    private final List<Path> moreBackgrounds;
    private final Map<Integer, List<SceneGenerator.Cutout>> cutoutsBySize = new ConcurrentHashMap<>();
    private final Map<Resized, Pixels> resizedBackgrounds = new ConcurrentHashMap<>();

    /** A background photograph reduced for scenes of {@code size}×{@code size}: the key of the decoded cache. */
    private record Resized(Path file, int size) {}

    private StampCatalog(Path root, List<Stamp> stamps, List<Path> backgrounds, List<Path> moreBackgrounds) {
        this.root = root;
        this.stamps = List.copyOf(stamps);
        this.backgrounds = List.copyOf(backgrounds);
        this.moreBackgrounds = List.copyOf(moreBackgrounds);
    }

    /**
     * Lists the stamps and backgrounds under {@code cacheDir/tuxpaint}, and the photographs under
     * {@code cacheDir/}{@value #MORE_BACKGROUNDS} where that folder exists (only segmentation scenes need them).
     */
    public static StampCatalog load(Path cacheDir) throws IOException {
        Path root = cacheDir.resolve("tuxpaint");
        List<Stamp> stamps = new ArrayList<>();
        int classIndex = 0;
        for (List<String> folders : CLASS_FOLDERS.values()) {
            for (String folder : folders) {
                Path dir = root.resolve("stamps").resolve(folder);
                for (Path png : listFiles(dir, ".png")) {
                    String path = folder + "/" + png.getFileName();
                    if (!DRAWINGS.contains(path)) {
                        stamps.add(new Stamp(stamps.size(), classIndex, path));
                    }
                }
            }
            classIndex++;
        }
        List<Path> backgrounds = new ArrayList<>();
        for (Path jpg : listFiles(root.resolve("templates"), ".jpg")) {
            if (!EXCLUDED_BACKGROUNDS.contains(jpg.getFileName().toString())) {
                backgrounds.add(jpg);
            }
        }
        Path more = cacheDir.resolve(MORE_BACKGROUNDS);
        return new StampCatalog(root, stamps, backgrounds, Files.isDirectory(more) ? listFiles(more, ".jpg") : List.of());
    }

    private static List<Path> listFiles(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("folder " + dir + " of the embedded stamp data is missing:"
                    + " run environment/setup-data (or point MODELKEY_CACHE at the cache it filled)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted().toList();
            if (found.isEmpty()) {
                throw new IOException("folder " + dir + " holds no " + suffix + " files:"
                        + " delete it and run environment/setup-data again");
            }
            return found;
        }
    }

    /** Class names, index = class index. */
    public List<String> classes() {
        return List.copyOf(CLASS_FOLDERS.keySet());
    }

    public List<Stamp> stamps() {
        return stamps;
    }

    /** The background photographs of classification scenes: the 15 of {@code tuxpaint-data}. */
    public List<Path> backgrounds() {
        return backgrounds;
    }

    /**
     * The background photographs of segmentation scenes: the 15 of {@link #backgrounds()}, then those of
     * {@value #MORE_BACKGROUNDS}.
     *
     * @throws IOException if {@code environment/setup-data} has not installed the extra photographs
     */
    public List<Path> segmentationBackgrounds() throws IOException {
        if (moreBackgrounds.isEmpty()) {
            throw new IOException("folder " + root.resolveSibling(MORE_BACKGROUNDS) + " of the segmentation scenes'"
                    + " extra background photographs is missing: run environment/setup-data");
        }
        List<Path> all = new ArrayList<>(backgrounds);
        all.addAll(moreBackgrounds);
        return List.copyOf(all);
    }

    /**
     * Every stamp as a cut-out for scenes of {@code size}×{@code size}: longer side reduced (or
     * enlarged) to {@code size}. Decoded once per size and kept.
     */
    List<SceneGenerator.Cutout> cutouts(int size) throws IOException {
        List<SceneGenerator.Cutout> cached = cutoutsBySize.get(size);
        if (cached == null) {
            cached = parallel(stamps.size(), i -> {
                Pixels rgba = cutout(stamps.get(i));
                double scale = (double) size / Math.max(rgba.height(), rgba.width());
                int h = Math.max(1, (int) Math.round(rgba.height() * scale));
                int w = Math.max(1, (int) Math.round(rgba.width() * scale));
                return new SceneGenerator.Cutout(i, stamps.get(i).classIndex(), Resampling.resize(rgba, h, w));
            });
            cutoutsBySize.put(size, cached);
        }
        return cached;
    }

    /**
     * The backgrounds of classification ({@link #backgrounds()}) or segmentation scenes
     * ({@link #segmentationBackgrounds()}), each reduced so its shorter side is at most twice
     * {@code size}; kept per size.
     */
    List<Pixels> backgrounds(int size, boolean segmentation) throws IOException {
        List<Path> files = segmentation ? segmentationBackgrounds() : backgrounds;
        return parallel(files.size(), i -> {
            Resized key = new Resized(files.get(i), size);
            Pixels cached = resizedBackgrounds.get(key);
            if (cached == null) {
                Pixels bg = Pixels.rgb(ImageFiles.decode(key.file()));
                double scale = Math.min(1.0, 2.0 * size / Math.min(bg.height(), bg.width()));
                cached = Resampling.resize(bg, (int) Math.round(bg.height() * scale), (int) Math.round(bg.width() * scale));
                resizedBackgrounds.put(key, cached);
            }
            return cached;
        });
    }

    private interface Loader<T> {
        T load(int index) throws IOException;
    }

    private static <T> List<T> parallel(int n, Loader<T> loader) throws IOException {
        try {
            return IntStream.range(0, n).parallel().mapToObj(i -> {
                try {
                    return loader.load(i);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Decodes a stamp as premultiplied RGBA, trimmed to the bounding box of its visible pixels. */
    public Pixels cutout(Stamp stamp) throws IOException {
        Path file = root.resolve("stamps").resolve(stamp.path());
        Pixels rgba = Pixels.premultipliedRgba(ImageFiles.decode(file));
        return trimToAlpha(rgba, file);
    }

    private static Pixels trimToAlpha(Pixels rgba, Path file) {
        int h = rgba.height(), w = rgba.width(), alpha = 3 * h * w;
        int top = h, bottom = -1, left = w, right = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (rgba.data()[alpha + y * w + x] > 0f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) {
            throw new IllegalStateException("stamp " + file + " is fully transparent: it has no object to paste");
        }
        int th = bottom - top + 1, tw = right - left + 1;
        return Resampling.crop(rgba, top, left, th, tw, th, tw, false);
    }

    /**
     * A hash of the stamp and background file names and sizes (the extra photographs included):
     * cache files built from this catalog carry it, so a different package version rebuilds them.
     */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Stamp s : stamps) {
                sha.update((s.classIndex() + ":" + s.path() + ":" + size(root.resolve("stamps").resolve(s.path())) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (Path b : Stream.concat(backgrounds.stream(), moreBackgrounds.stream()).toList()) {
                sha.update((b.getFileName() + ":" + size(b) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> classFolders() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("bird", List.of("animals/birds"));
        m.put("flower", List.of("plants/flowers"));
        m.put("fruit", List.of("food/fruit"));
        List<String> mammals = new ArrayList<>(List.of("animals/mammals"));
        for (String sub : List.of("apes", "aquatic", "bears", "bovines", "camel", "cats", "deer", "dogs", "equines",
                "rodents")) {
            mammals.add("animals/mammals/" + sub);
        }
        m.put("mammal", List.copyOf(mammals));
        m.put("vegetable", List.of("food/vegetables"));
        return m;
    }
}
