package org.modelkey.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.modelkey.key.KeyFile;
import org.modelkey.key.KeyKind;
import org.modelkey.key.SecretKey;
import org.modelkey.transform.BlockLayout;
import org.modelkey.transform.BlockTransform;
import org.modelkey.transform.FfxTransform;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Encrypts or decrypts image files and folders with a key file. Every input is read and transformed
 * first (format, size against M, channels, alpha, complete pixel data, and for decryption the key id
 * stored in the file and the FFX codes), so a bad input stops the run before anything is written and
 * the message lists every bad file; each output is then written atomically. Inputs and outputs are
 * compared by real path (symbolic links resolved), so no output overwrites an input. An output that
 * already holds exactly what this run would write is skipped, so an interrupted run is simply rerun.
 */
abstract class ImageCommand implements Callable<Integer> {

    /** Bytes of memory needed per image sample: the decoded image, its samples, the float input and output, the PNG. */
    private static final long BYTES_PER_SAMPLE = 24;

    @Option(names = {"-k", "--key"}, required = true, description = "key file made by `modelkey keygen`")
    Path keyFile;

    @Option(names = {"-o", "--output"}, required = true, description = "output folder (PNG files, folder structure kept)")
    Path output;

    @Option(names = "--force", description = "replace existing output files that differ from what this run writes")
    boolean force;

    @Option(names = "--allow-shared-key-file", description = "accept a key file that its group or others may read")
    boolean allowSharedKeyFile;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "PNG/JPEG files or folders of them")
    List<Path> inputs;

    private final boolean encrypt;

    ImageCommand(boolean encrypt) {
        this.encrypt = encrypt;
    }

    @Override
    public Integer call() throws IOException {
        SecretKey key = KeyFile.load(keyFile, allowSharedKeyFile);
        Map<Path, Path> jobs = jobs();
        List<String> problems = new ArrayList<>();
        Set<Path> complete = new HashSet<>();
        try (BlockTransform transform = BlockTransform.of(key)) {
            for (Map.Entry<Path, Path> job : jobs.entrySet()) {
                try {
                    ImageFile result = convert(transform, job.getKey());
                    Path target = job.getValue();
                    if (Files.exists(target)) {
                        if (sameImage(result, target)) {
                            complete.add(job.getKey());
                        } else if (!force) {
                            problems.add("output " + target + " already exists and differs from what this run writes:"
                                    + " choose another output folder or pass --force to replace it");
                        }
                    }
                } catch (IOException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new IOException(problems.size() + " of " + jobs.size() + " input(s) refused, nothing written:\n  "
                        + String.join("\n  ", problems));
            }
            for (Map.Entry<Path, Path> job : jobs.entrySet()) {
                if (!complete.contains(job.getKey())) {
                    ImageFile result = convert(transform, job.getKey());
                    try {
                        result.writePng(job.getValue());
                    } catch (OutOfMemoryError e) {
                        throw tooLarge(job.getKey(), result, Runtime.getRuntime().maxMemory());
                    }
                }
            }
        }
        System.out.println((encrypt ? "encrypted " : "decrypted ") + (jobs.size() - complete.size()) + " image(s)"
                + (complete.isEmpty() ? "" : " (" + complete.size() + " already complete, skipped)") + " with " + key
                + " into " + output);
        return 0;
    }

    /** Reads, checks and transforms one input; every failure names the file. */
    private ImageFile convert(BlockTransform transform, Path source) throws IOException {
        SecretKey key = transform.key();
        ImageFile header = ImageFile.header(source);
        check(key, source, header);
        long samples = (long) header.channels() * header.height() * header.width();
        long max = Runtime.getRuntime().maxMemory();
        if (samples * BYTES_PER_SAMPLE > max) {
            throw tooLarge(source, header, max);
        }
        try {
            ImageFile in = ImageFile.read(source);
            return encrypt ? encrypt(transform, in) : decrypt(transform, in, source);
        } catch (OutOfMemoryError e) {
            throw tooLarge(source, header, max);
        }
    }

    private static IOException tooLarge(Path source, ImageFile header, long maxHeap) {
        long needed = (long) header.channels() * header.height() * header.width() * BYTES_PER_SAMPLE;
        return new IOException("image " + source + " (" + header.width() + "×" + header.height() + ") needs about "
                + (needed >> 20) + " MB but the Java heap holds " + (maxHeap >> 20) + " MB: raise the heap, e.g."
                + " MODELKEY_JAVA_OPTS=-Xmx" + Math.max(2, (needed * 2 >> 30) + 1) + "g environment/modelkey ...,"
                + " or split the image");
    }

    /** Whether {@code target} is a readable image holding exactly {@code expected} (an earlier run's complete output). */
    private static boolean sameImage(ImageFile expected, Path target) {
        try {
            ImageFile existing = ImageFile.read(target);
            return existing.channels() == expected.channels() && existing.height() == expected.height()
                    && existing.width() == expected.width() && existing.bits() == expected.bits()
                    && Arrays.equals(existing.samples(), expected.samples()) && existing.text().equals(expected.text());
        } catch (IOException e) {
            return false;
        }
    }

    private static ImageFile encrypt(BlockTransform transform, ImageFile in) {
        float[] x = new float[in.samples().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = in.samples()[i] / 255f;
        }
        float[] y = transform.encrypt(x, in.height(), in.width());
        SecretKey key = transform.key();
        Map<String, String> text = new LinkedHashMap<>();
        text.put(ImageFile.KEY_ID, key.id());
        text.put(ImageFile.KIND, key.kind().name());
        float scale = 255f;
        if (transform instanceof FfxTransform ffx) {
            scale = ffx.scale();
            text.put(ImageFile.SCALE, Integer.toString(ffx.scale()));
        }
        int[] samples = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            samples[i] = Math.round(y[i] * scale);
        }
        return new ImageFile(samples, in.channels(), in.height(), in.width(), key.kind() == KeyKind.FFX ? 16 : 8, text);
    }

    private static ImageFile decrypt(BlockTransform transform, ImageFile in, Path source) throws IOException {
        float scale = transform instanceof FfxTransform ffx ? ffx.scale() : 255f;
        float[] y = new float[in.samples().length];
        for (int i = 0; i < y.length; i++) {
            if (in.samples()[i] > scale) {
                throw new IOException("image " + source + " holds FFX codes that this key never produces (edited or re-encoded?): "
                        + "decrypt only the untouched PNG written by `modelkey encrypt`");
            }
            y[i] = in.samples()[i] / scale;
        }
        float[] x = transform.decrypt(y, in.height(), in.width());
        int[] samples = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] <= 1f)) {
                throw new IOException("image " + source + " holds FFX codes that this key never produces (edited or re-encoded?): "
                        + "decrypt only the untouched PNG written by `modelkey encrypt`");
            }
            samples[i] = Math.round(x[i] * 255f);
        }
        return new ImageFile(samples, in.channels(), in.height(), in.width(), 8, Map.of());
    }

    private void check(SecretKey key, Path source, ImageFile header) throws IOException {
        try {
            new BlockLayout(key.blockSize(), key.channels(), header.height(), header.width());
        } catch (IllegalArgumentException e) {
            throw new IOException("image " + source + ": " + e.getMessage(), e);
        }
        if (header.channels() != key.channels()) {
            throw new IOException("image " + source + " has " + header.channels() + " channel(s) but the key was made for C="
                    + key.channels() + ": convert the image or use a key made with --channels " + header.channels());
        }
        if (encrypt && header.bits() != 8) {
            throw new IOException("image " + source + " has " + header.bits() + "-bit samples: encrypt takes 8-bit PNG/JPEG images; "
                    + "convert it to 8 bits (or decrypt it if it is an FFX output)");
        }
        if (!encrypt) {
            String recorded = header.text().get(ImageFile.KEY_ID);
            if (recorded == null) {
                throw new IOException("image " + source + " carries no modelkey key id: "
                        + "decrypt only PNG files written by `modelkey encrypt` (JPEG or re-saved files lose it)");
            }
            if (!recorded.equals(key.id())) {
                throw new IOException("image " + source + " was encrypted with key " + recorded + " but " + keyFile + " holds " + key
                        + (key.kind() == KeyKind.FFX ? " (a different FFX password changes the key)" : "")
                        + ": pass the key file it was encrypted with");
            }
        }
    }

    /** Each input's real path and its output's real path (links resolved), refusing any output that is an input. */
    private Map<Path, Path> jobs() throws IOException {
        Path outputRoot = realPath(output);
        Map<Path, Path> jobs = new LinkedHashMap<>();
        Map<Path, Path> sourceOf = new HashMap<>();
        for (Path input : inputs) {
            List<Path> files = new ArrayList<>();
            Path root;
            if (Files.isDirectory(input)) {
                root = input.toRealPath();
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(ImageCommand::isImage)
                            .filter(f -> outputRoot.equals(root) || !f.startsWith(outputRoot)) // earlier outputs inside an input folder
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(input)) {
                Path file = input.toRealPath();
                root = file.getParent();
                files.add(file);
            } else {
                throw new IOException("input " + input + (Files.exists(input) ? " is neither a file nor a folder" : " does not exist")
                        + ": give PNG/JPEG files or folders holding them");
            }
            for (Path file : files) {
                Path source = file.toRealPath();
                String relative = root.relativize(file).toString();
                Path target = realPath(outputRoot.resolve(relative.replaceFirst("\\.[^./]+$", "") + ".png"));
                Path earlier = sourceOf.put(target, source);
                if (earlier != null && !earlier.equals(source)) {
                    throw new IOException("inputs " + earlier + " and " + source + " would both be written to " + target
                            + ": rename one of them");
                }
                jobs.put(source, target);
            }
        }
        if (jobs.isEmpty()) {
            throw new IOException("no PNG or JPEG files in " + inputs + ": give image files or folders holding them");
        }
        for (Path target : jobs.values()) {
            if (jobs.containsKey(target)) {
                throw new IOException("output " + target + " would overwrite an input (" + output + " leads into an input folder):"
                        + " choose another output folder");
            }
        }
        return jobs;
    }

    /** The real path of {@code path}: links resolved in its longest existing prefix, the rest appended. */
    private static Path realPath(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }
}
