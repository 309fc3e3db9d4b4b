package org.modelkey.kernel.classpath;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Expands classpath entries as IJava does for {@code %jars}, {@code %classpath} and {@code
 * IJAVA_CLASSPATH}: a list separated by the platform path separator, each entry a path or a glob
 * ({@code lib/*.jar}, {@code ~/jars/**}{@code /*.jar}), relative paths against a base folder.
 */
public final class PathGlobs {

    private PathGlobs() {}

    /** Expands a path-separator list of entries; every entry must match at least one file. */
    public static List<Path> expandList(String entries, Path base) {
        List<Path> paths = new ArrayList<>();
        for (String entry : entries.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                paths.addAll(expand(entry.strip(), base));
            }
        }
        return paths;
    }

    /** Expands one path or glob into the existing files or folders it names, sorted. */
    public static List<Path> expand(String entry, Path base) {
        String pattern = entry.startsWith("~/") ? System.getProperty("user.home") + entry.substring(1) : entry;
        if (!isGlob(pattern)) {
            Path path = base.resolve(pattern).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("classpath entry " + entry + " does not exist (looked for " + path
                        + "): check the path, relative paths start at " + base.toAbsolutePath());
            }
            return List.of(path);
        }
        String[] segments = pattern.replace('\\', '/').split("/", -1);
        int firstGlob = 0;
        while (!isGlob(segments[firstGlob])) {
            firstGlob++;
        }
        String fixed = String.join("/", Arrays.copyOfRange(segments, 0, firstGlob));
        Path root = (fixed.isEmpty() && pattern.startsWith("/") ? Path.of("/")
                : fixed.isEmpty() ? base : base.resolve(fixed)).toAbsolutePath().normalize();
        String rest = String.join("/", Arrays.copyOfRange(segments, firstGlob, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : segments.length - firstGlob;
        List<Path> matches = Files.isDirectory(root) ? walk(root, depth, matcher) : List.of();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no file matches " + entry + " (searched " + root
                    + "): check the pattern, relative paths start at " + base.toAbsolutePath());
        }
        return matches;
    }

    private static List<Path> walk(Path root, int depth, PathMatcher matcher) {
        try (Stream<Path> files = Files.walk(root, depth)) {
            return files.filter(p -> !p.equals(root) && matcher.matches(root.relativize(p)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
