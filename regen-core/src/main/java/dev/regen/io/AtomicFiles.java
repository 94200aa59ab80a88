package dev.regen.io;

import dev.regen.RegenException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader, or a process killed half-way, never sees a partial file: the
 * content goes to a temporary file in the same folder, which is then renamed over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a whole file at the path it is given. */
    @FunctionalInterface
    public interface FileWriter {
        /** Writes the complete content to {@code tmp}. */
        void write(Path tmp) throws IOException;
    }

    /** Writes {@code path} atomically with {@code writer}. */
    public static void write(Path path, FileWriter writer) {
        ImageWriter.createParent(path);
        Path tmp = path.resolveSibling("." + path.getFileName() + ".tmp");
        try {
            writer.write(tmp);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RegenException("cannot write " + path + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The rename succeeded or the write failed; either way the target is intact.
            }
        }
    }

    /** Writes a text file atomically. */
    public static void writeString(Path path, String text) {
        write(path, tmp -> Files.writeString(tmp, text));
    }
}
