package org.modelkey;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The scale a notebook runs at (docs/design.md, "Profiles"): {@code smoke} proves every cell runs,
 * {@code demo} regenerates the committed results on embedded data, {@code paper} uses the papers'
 * own data and models. A notebook reads the profile from {@code MODELKEY_PROFILE} and nothing else
 * changes between scales: every size, epoch count and data set comes from {@link #pick}.
 * {@code MODELKEY_REHEARSAL=1} beside {@code paper} rehearses it ({@link #isRehearsal}).
 */
public enum Profile {
    SMOKE, DEMO, PAPER;

    /** Environment variable that selects the profile. */
    public static final String PROFILE_VARIABLE = "MODELKEY_PROFILE";
    /** Environment variable that names the project folder (else found from the working directory). */
    public static final String HOME_VARIABLE = "MODELKEY_HOME";
    /** Environment variable that moves the cache of embedded data, kernels and checkpoints. */
    public static final String CACHE_VARIABLE = "MODELKEY_CACHE";
    /** Environment variable that replaces the base seed, to rerun a notebook with another seed. */
    public static final String SEED_VARIABLE = "MODELKEY_SEED";
    /** The base seed when {@code MODELKEY_SEED} is unset. */
    public static final long DEFAULT_SEED = 20210901L;

    /**
     * Environment variable that, beside profile {@code paper}, rehearses it: the paper's code,
     * architectures and settings on miniature data in the real formats, on the CPU.
     */
    public static final String REHEARSAL_VARIABLE = "MODELKEY_REHEARSAL";

    /** The profile named by {@code MODELKEY_PROFILE}, {@code demo} when it is unset. */
    public static Profile current() {
        return current(System.getenv());
    }

    static Profile current(Map<String, String> env) {
        String name = env.get(PROFILE_VARIABLE);
        Profile profile = name == null || name.isBlank() ? DEMO : parse(name);
        if (rehearsal(env) && !profile.isPaper()) {
            throw new IllegalArgumentException(REHEARSAL_VARIABLE + " rehearses the paper profile, but the profile is "
                    + profile.label() + ": set " + PROFILE_VARIABLE + "=paper as well, or unset " + REHEARSAL_VARIABLE);
        }
        return profile;
    }

    static boolean rehearsal(Map<String, String> env) {
        String value = env.get(REHEARSAL_VARIABLE);
        if (value == null || value.isBlank() || value.trim().equals("0")) {
            return false;
        }
        if (value.trim().equals("1")) {
            return true;
        }
        throw new IllegalArgumentException(REHEARSAL_VARIABLE + "=" + value + " is not understood: set it to 1 to"
                + " rehearse the paper profile, or unset it");
    }

    /**
     * Whether this run rehearses the paper profile: {@code paper} with {@code MODELKEY_REHEARSAL=1}.
     * A rehearsal runs the paper's code with its architectures and settings, changing only image
     * counts, image size and a step cap, on the CPU, and writes under {@code target/rehearsal/}.
     */
    public boolean isRehearsal() {
        return isPaper() && rehearsal(System.getenv());
    }

    /** Optimizer steps one fit runs at most in a rehearsal ({@link #stepCap}). */
    public static final int REHEARSAL_STEPS = 2;

    /**
     * The most optimizer steps one fit of {@code train.TrainingLoop} runs: {@value #REHEARSAL_STEPS}
     * in a rehearsal, so that the paper's epochs and batch sizes rehearse in minutes on the CPU;
     * 0 (no cap) otherwise. {@code TrainingConfig} takes it as its default.
     */
    public int stepCap() {
        return isRehearsal() ? REHEARSAL_STEPS : 0;
    }

    /**
     * A count or size of this profile's settings, at most {@code cap} in a rehearsal, where the
     * paper's value (e.g. 100 incorrect keys, 224-pixel images) would take hours on the CPU; the
     * cap is printed, naming {@code what} and the paper's value. Outside a rehearsal: {@code value}.
     */
    public int rehearsalCap(String what, int value, int cap) {
        return capped(isRehearsal(), what, value, cap, System.out);
    }

    static int capped(boolean rehearsal, String what, int value, int cap, PrintStream log) {
        if (cap < 1) {
            throw new IllegalArgumentException("the rehearsal's cap of " + what + " is " + cap + ": give at least 1");
        }
        if (!rehearsal || value <= cap) {
            return value;
        }
        log.printf("rehearsal: %s capped at %d (paper: %d)%n", what, cap, value);
        return cap;
    }

    /**
     * The profile as result rows record it: its label, and in a rehearsal what the rehearsal changes,
     * e.g. {@code paper rehearsal (miniature data, CPU, at most 2 optimizer steps per fit)}.
     */
    public String describe() {
        return isRehearsal() ? label() + " rehearsal (miniature data, CPU, at most " + REHEARSAL_STEPS
                + " optimizer steps per fit)" : label();
    }

    /** Parses a profile name, with an error that lists the valid ones. */
    public static Profile parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown profile '" + name
                    + "': use one of smoke, demo, paper (set " + PROFILE_VARIABLE + ")");
        }
    }

    /** Lower-case name, as used in folder names and result rows. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isSmoke() {
        return this == SMOKE;
    }

    public boolean isPaper() {
        return this == PAPER;
    }

    /** Chooses a setting by profile. */
    public <T> T pick(T smoke, T demo, T paper) {
        return switch (this) {
            case SMOKE -> smoke;
            case DEMO -> demo;
            case PAPER -> paper;
        };
    }

    /** The base seed every run derives its seeds from: {@code MODELKEY_SEED}, else {@value #DEFAULT_SEED}. */
    public long seed() {
        return seed(System.getenv());
    }

    static long seed(Map<String, String> env) {
        String value = env.get(SEED_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_VARIABLE + "='" + value + "' is not a whole number: set it to"
                    + " an integer such as " + DEFAULT_SEED + ", or unset it for that default");
        }
    }

    /**
     * The project folder: {@code MODELKEY_HOME}, else the nearest folder at or above the working
     * directory that holds both {@code environment/} and {@code lib/}.
     */
    public static Path projectRoot() {
        String home = System.getenv(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("environment")) && Files.isDirectory(p.resolve("lib"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the modelkey folder above " + start
                + ": run from inside the checkout or set " + HOME_VARIABLE + " to it");
    }

    /** Where result tables go: {@code results/<profile>}, or under {@code target/} for smoke runs and rehearsals. */
    public Path resultsDir() {
        return outputRoot().resolve("results").resolve(label());
    }

    /** Where figures go: {@code paper-figures/<profile>}, or under {@code target/} for smoke runs. */
    public Path figuresDir() {
        return outputRoot().resolve("paper-figures").resolve(label());
    }

    /** Smoke runs and rehearsals never overwrite committed results. */
    private Path outputRoot() {
        Path root = projectRoot();
        return isSmoke() ? root.resolve("target").resolve("smoke")
                : isRehearsal() ? root.resolve("target").resolve("rehearsal") : root;
    }

    /** Cache of embedded data, kernelspec and checkpoints: {@code MODELKEY_CACHE} or environment/.cache. */
    public static Path cacheDir() {
        String cache = System.getenv(CACHE_VARIABLE);
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache).toAbsolutePath().normalize();
        }
        return projectRoot().resolve("environment").resolve(".cache");
    }
}
