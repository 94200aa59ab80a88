package dev.regen.data;

import dev.regen.RegenException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads a whole data file into memory, un-gzipping it when it starts with the gzip magic bytes. */
final class FileBytes {
    /** The largest Java array: the readers hold a file in one. */
    static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private FileBytes() {
    }

    static byte[] read(Path path) {
        return read(path, MAX_BYTES);
    }

    /** Reads {@code path}, refusing a gzip file that inflates to more than {@code limit} bytes. */
    static byte[] read(Path path, int limit) {
        try {
            byte[] raw = Files.readAllBytes(path);
            if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                return gunzip(path, raw, limit);
            }
            return raw;
        } catch (NoSuchFileException e) {
            throw new RegenException("no such file: " + path);
        } catch (IOException e) {
            throw new RegenException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] gunzip(Path path, byte[] raw, int limit) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            // One byte past the limit tells a file of exactly the limit from a larger one.
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new RegenException(path + " inflates to more than " + limit + " bytes, more than a data file "
                        + "may hold");
            }
            return bytes;
        } catch (IOException e) {
            throw new RegenException(path + " is a corrupt or truncated gzip file (" + e.getMessage() + ")", e);
        }
    }
}
