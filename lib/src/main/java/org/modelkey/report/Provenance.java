package org.modelkey.report;

import ai.djl.engine.Engine;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.modelkey.Profile;

/**
 * Where a result came from, in the spirit of Tribuo's provenance: the profile (and, in a rehearsal,
 * what it changes: {@link Profile#describe}), the commit of the
 * code that produced it, the engine it ran on and the base seed ({@link Profile#seed()}). Every row a
 * notebook saves carries these, beside its own columns (data set and size, model, key id, wall time).
 */
public record Provenance(String profile, String commit, String engine, String device, long seed) {

    /** Provenance of the current run. */
    public static Provenance of(Profile profile) {
        Engine engine = Engine.getInstance();
        return new Provenance(profile.describe(), commit(Profile.projectRoot()),
                engine.getEngineName() + " " + engine.getVersion(), engine.defaultDevice().toString(), profile.seed());
    }

    /**
     * The short commit id of the checkout, with {@code -dirty} when code differs from it (a tracked
     * file under {@code lib} or {@code notebooks} changed), or {@code unknown} outside a git checkout.
     * A notebook whose code cells equal the commit's counts as clean: running notebooks writes their
     * outputs in place, which must not mark the next notebook's results as made by changed code.
     */
    public static String commit(Path root) {
        String id = git(root, "rev-parse", "--short=10", "HEAD");
        if (id.isEmpty()) {
            return "unknown";
        }
        boolean dirty = git(root, "diff", "--name-only", "HEAD", "--", "lib", "notebooks").lines()
                .anyMatch(path -> !path.endsWith(".ipynb") || !sameCode(root, path));
        return dirty ? id + "-dirty" : id;
    }

    /** Whether notebook {@code path} has the same code cells in the working tree as in HEAD. */
    private static boolean sameCode(Path root, String path) {
        try {
            String committed = git(root, "show", "HEAD:" + path);
            String working = Files.readString(root.resolve(path), StandardCharsets.UTF_8);
            return !committed.isEmpty() && codeCells(committed).equals(codeCells(working));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The sources of a notebook's code cells, in order. */
    private static List<String> codeCells(String notebook) {
        List<String> code = new ArrayList<>();
        for (JsonElement cell : JsonParser.parseString(notebook).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if ("code".equals(c.get("cell_type").getAsString())) {
                JsonElement source = c.get("source");
                StringBuilder text = new StringBuilder();
                if (source.isJsonArray()) {
                    source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
                } else {
                    text.append(source.getAsString());
                }
                code.add(text.toString());
            }
        }
        return code;
    }

    private static String git(Path root, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = root.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean done = p.waitFor(10, TimeUnit.SECONDS);
            return done && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
