package dev.regen.io;

import dev.regen.RegenException;
import dev.regen.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {
    @TempDir
    Path temp;

    @Test
    void roundTripKeepsManifestAndEntries() {
        Path path = temp.resolve("m.regen");
        new ModelFile(TestData.manifest("vae"), Map.of("weights.pt", new byte[]{1, 2, 3})).write(path);
        ModelFile read = ModelFile.read(path);
        assertEquals(TestData.manifest("vae"), read.manifest());
        assertArrayEquals(new byte[]{1, 2, 3}, read.entry("weights.pt").orElseThrow());
        assertFalse(Files.exists(temp.resolve(".m.regen.tmp")), "no temporary file is left behind");
    }

    @Test
    void theSameFileWrittenLaterHasTheSameBytes() throws Exception {
        ModelFile file = new ModelFile(TestData.manifest("vae"), Map.of("weights.pt", new byte[]{1, 2, 3}));
        Path first = temp.resolve("first.regen");
        Path second = temp.resolve("second.regen");
        file.write(first);
        // Zip entry times count in steps of two seconds: wait past one, so that a time of writing would show.
        Thread.sleep(2100);
        file.write(second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void wrongTypeIsNamed() {
        Path path = temp.resolve("gan.regen");
        new ModelFile(TestData.manifest("gan"), Map.of()).write(path);
        RegenException e = assertThrows(RegenException.class, () -> ModelFile.read(path).requireType(path, "vae"));
        assertTrue(e.getMessage().contains("holds a 'gan' model; this needs a 'vae' model"), e.getMessage());
    }

    @Test
    void newerFormatVersionIsRefused() throws Exception {
        Path path = temp.resolve("future.regen");
        String json = dev.regen.config.Json.MAPPER.writeValueAsString(TestData.manifest("vae"))
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");
        zip(path, json);
        RegenException e = assertThrows(RegenException.class, () -> ModelFile.read(path));
        assertTrue(e.getMessage().contains("newer Regen (format version 99)"), e.getMessage());
    }

    @Test
    void truncatedNonZipAndMissingFilesAreOneLine() throws Exception {
        Path good = temp.resolve("good.regen");
        new ModelFile(TestData.manifest("vae"), Map.of("weights.pt", new byte[4096])).write(good);
        Path cut = temp.resolve("cut.regen");
        byte[] all = Files.readAllBytes(good);
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        assertTrue(assertThrows(RegenException.class, () -> ModelFile.read(cut)).getMessage().contains("corrupt"));
        Path text = temp.resolve("text.regen");
        Files.writeString(text, "hello");
        assertTrue(assertThrows(RegenException.class, () -> ModelFile.read(text)).getMessage().contains("not a Regen model"));
        assertEquals("no such model file: " + temp.resolve("none.regen"),
                assertThrows(RegenException.class, () -> ModelFile.read(temp.resolve("none.regen"))).getMessage());
        Path otherZip = temp.resolve("other.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("x".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(assertThrows(RegenException.class, () -> ModelFile.read(otherZip)).getMessage().contains("no config.json"));
    }

    private static void zip(Path path, String json) throws Exception {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(path))) {
            z.putNextEntry(new ZipEntry("config.json"));
            z.write(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
