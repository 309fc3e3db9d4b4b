package org.modelkey.report;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.modelkey.Profile;

/**
 * Where a result came from, in the spirit of Tribuo's provenance: the profile, the commit of the
 * code that produced it and the engine it ran on. Every row a notebook saves carries these, beside
 * its own columns (data set and size, model, seed, key fingerprint, wall time).
 */
public record Provenance(String profile, String commit, String engine, String device) {

    /** Provenance of the current run. */
    public static Provenance of(Profile profile) {
        Engine engine = Engine.getInstance();
        return new Provenance(profile.label(), commit(Profile.projectRoot()),
                engine.getEngineName() + " " + engine.getVersion(), engine.defaultDevice().toString());
    }

    /**
     * The short commit id of the checkout, with {@code -dirty} when tracked files differ from it, or
     * {@code unknown} outside a git checkout.
     */
    public static String commit(Path root) {
        String id = git(root, "rev-parse", "--short=10", "HEAD");
        if (id.isEmpty()) {
            return "unknown";
        }
        boolean dirty = !git(root, "status", "--porcelain", "--untracked-files=no", "--", "lib", "notebooks").isEmpty();
        return dirty ? id + "-dirty" : id;
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
