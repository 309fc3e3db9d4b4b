package org.modelkey.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader never sees half of one: the bytes go to a temporary file in the
 * same folder, which is then moved over the target in one step. Results, figures, key files and
 * checkpoints all go through here, so an interrupted run leaves the previous file intact. A run
 * killed while writing leaves its temporary file behind; the next write of the same target removes
 * it (one writer per target at a time).
 */
public final class AtomicFiles {

    /** Produces the content of a file on the given stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code target} atomically, creating its parent folders. */
    public static Path write(Path target, Writer content) throws IOException {
        return write(target, content, null);
    }

    /**
     * Writes {@code target} atomically with the given POSIX permissions (for example owner-only
     * for key files); {@code permissions} may be null to keep the default.
     */
    public static Path write(Path target, Writer content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeLeftovers(absolute);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            if (permissions != null) {
                Files.setPosixFilePermissions(tmp, permissions);
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return absolute;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes the temporary files an interrupted write of {@code target} left in its folder. */
    private static void removeLeftovers(Path target) throws IOException {
        Pattern leftover = Pattern.compile(Pattern.quote("." + target.getFileName()) + "[0-9]+\\.tmp");
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                p -> leftover.matcher(p.getFileName().toString()).matches())) {
            for (Path p : siblings) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Writes a UTF-8 text file atomically. */
    public static Path writeString(Path target, String text) throws IOException {
        return write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
