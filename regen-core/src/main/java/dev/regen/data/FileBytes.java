package dev.regen.data;

import dev.regen.RegenException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads a whole data file into memory, un-gzipping it when it starts with the gzip magic bytes. */
final class FileBytes {
    private FileBytes() {
    }

    static byte[] read(Path path) {
        try {
            byte[] raw = Files.readAllBytes(path);
            if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                return gunzip(path, raw);
            }
            return raw;
        } catch (NoSuchFileException e) {
            throw new RegenException("no such file: " + path);
        } catch (IOException e) {
            throw new RegenException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] gunzip(Path path, byte[] raw) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 2);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new RegenException(path + " is a corrupt or truncated gzip file (" + e.getMessage() + ")", e);
        }
    }
}
