package dev.regen.io;

import dev.regen.RegenException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes files so that a reader, or a process killed half-way, never sees a partial file: the
 * content goes to a temporary file in the same folder, which is then renamed over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes the whole content at the path it is given: a file, or the files of an empty folder. */
    @FunctionalInterface
    public interface ContentWriter {
        /** Writes the complete content to {@code tmp}. */
        void write(Path tmp) throws IOException;
    }

    /** Writes {@code path} atomically with {@code writer}. */
    public static void write(Path path, ContentWriter writer) {
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

    /**
     * Writes the new folder {@code folder} atomically with {@code writer}: into a hidden sibling
     * that is renamed into place when complete, and deleted when the writer fails.
     *
     * @throws RegenException when {@code folder} already exists (nothing is merged into it or replaced)
     */
    public static void writeFolder(Path folder, ContentWriter writer) {
        if (Files.exists(folder)) {
            throw new RegenException(folder + " already exists: give a new folder");
        }
        ImageWriter.createParent(folder);
        Path tmp = folder.resolveSibling("." + folder.getFileName() + ".tmp");
        try {
            deleteTree(tmp);
            Files.createDirectory(tmp);
            writer.write(tmp);
            Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RegenException("cannot write " + folder + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(tmp);
            } catch (IOException ignored) {
                // A leftover hidden folder is removed by the next write to the same folder.
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Writes a text file atomically. */
    public static void writeString(Path path, String text) {
        write(path, tmp -> Files.writeString(tmp, text));
    }
}
