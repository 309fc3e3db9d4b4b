package org.modelkey.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Encrypts or decrypts image files and folders with a key file. Every input is checked first
 * (format, size against M, channels, and for decryption the key id stored in the file),
 * so a bad input stops the run before anything is written; each output is then written atomically.
 */
abstract class ImageCommand implements Callable<Integer> {

    @Option(names = {"-k", "--key"}, required = true, description = "key file made by `modelkey keygen`")
    Path keyFile;

    @Option(names = {"-o", "--output"}, required = true, description = "output folder (PNG files, folder structure kept)")
    Path output;

    @Option(names = "--force", description = "replace existing output files")
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
        for (Map.Entry<Path, Path> job : jobs.entrySet()) {
            check(key, job.getKey(), job.getValue());
        }
        try (BlockTransform transform = BlockTransform.of(key)) {
            for (Map.Entry<Path, Path> job : jobs.entrySet()) {
                ImageFile in = ImageFile.read(job.getKey());
                (encrypt ? encrypt(transform, in) : decrypt(transform, in, job.getKey())).writePng(job.getValue());
            }
        }
        System.out.println((encrypt ? "encrypted " : "decrypted ") + jobs.size() + " image(s) with " + key + " into " + output);
        return 0;
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

    private void check(SecretKey key, Path source, Path target) throws IOException {
        ImageFile header = ImageFile.header(source);
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
        if (Files.exists(target) && !force) {
            throw new IOException("output " + target + " already exists: choose another output folder or pass --force");
        }
    }

    private Map<Path, Path> jobs() throws IOException {
        Map<Path, Path> jobs = new LinkedHashMap<>();
        Map<Path, Path> sourceOf = new HashMap<>();
        for (Path input : inputs) {
            List<Path> files = new ArrayList<>();
            Path root;
            if (Files.isDirectory(input)) {
                root = input;
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(ImageCommand::isImage).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(input)) {
                root = input.toAbsolutePath().getParent();
                files.add(input.toAbsolutePath());
            } else {
                throw new IOException("input " + input + " does not exist: give PNG/JPEG files or folders holding them");
            }
            for (Path file : files) {
                String relative = root.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
                Path target = output.resolve(relative.replaceFirst("\\.[^./]+$", "") + ".png").toAbsolutePath().normalize();
                Path source = file.toAbsolutePath().normalize();
                if (target.equals(source)) {
                    throw new IOException("output " + target + " would overwrite its input: choose another output folder");
                }
                Path earlier = sourceOf.put(target, source);
                if (earlier != null) {
                    throw new IOException("inputs " + earlier + " and " + source + " would both be written to " + target
                            + ": rename one of them");
                }
                jobs.put(source, target);
            }
        }
        if (jobs.isEmpty()) {
            throw new IOException("no PNG or JPEG files in " + inputs + ": give image files or folders holding them");
        }
        return jobs;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }
}
