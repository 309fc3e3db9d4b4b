package org.modelkey.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real (paper-profile) data sets are: each loader names an environment variable that
 * points at the folder a user downloaded. Missing or wrong paths fail with what to set.
 */
public final class DataPaths {

    private DataPaths() {}

    /** The folder in environment variable {@code variable}, which must exist. */
    public static Path require(String variable, String dataSet, String expectedLayout) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(dataSet + " is not configured: set " + variable
                    + " to the folder that holds " + expectedLayout);
        }
        return requireFolder(Path.of(value), dataSet + " (from " + variable + ")", expectedLayout);
    }

    /** Checks that {@code folder} is a directory, naming the data set and its layout if not. */
    public static Path requireFolder(Path folder, String dataSet, String expectedLayout) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalStateException(dataSet + ": " + folder + " is a file, not a folder;"
                    + " give the folder that holds " + expectedLayout);
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(dataSet + ": folder " + folder + " does not exist;"
                    + " it should hold " + expectedLayout);
        }
        return folder;
    }

    /** Checks that {@code file} is a regular file, naming what it should be if not. */
    static Path requireFile(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new IllegalStateException(file + " is a folder, not a file: expected " + what);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing file " + file + ": expected " + what);
        }
        return file;
    }
}
