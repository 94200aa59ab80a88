package dev.regen.io;

import dev.regen.RegenException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regen.TestData;
import dev.regen.config.ImageShape;
import dev.regen.config.Json;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
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
        write(path, "vae", new byte[]{1, 2, 3});
        ModelFile read = ModelFile.read(path);
        assertEquals(TestData.manifest("vae"), read.manifest());
        assertEquals(3, read.entry("weights.pt").orElseThrow().size());
        assertArrayEquals(new byte[]{1, 2, 3}, read.entry("weights.pt").orElseThrow().bytes());
        assertFalse(Files.exists(temp.resolve(".m.regen.tmp")), "no temporary file is left behind");
        assertFalse(Files.exists(temp.resolve(".m.regen.tmp.entry")), "no spooled entry is left behind");
    }

    @Test
    void entriesAreStoredUncompressedAndStreamedFromTheirContent() throws Exception {
        byte[] weights = new byte[100_000];
        new Random(2).nextBytes(weights);
        Path path = temp.resolve("streamed.regen");
        // Written in pieces, as libtorch's archive is copied in.
        ModelFile.write(path, TestData.manifest("vae"), Map.of("weights.pt", out -> {
            out.write(weights, 0, 1);
            out.write(weights, 1, weights.length - 1);
        }));
        try (ZipFile zip = new ZipFile(path.toFile())) {
            assertEquals(ZipEntry.STORED, zip.getEntry("weights.pt").getMethod());
            assertEquals(weights.length, zip.getEntry("weights.pt").getCompressedSize());
            assertEquals(ZipEntry.DEFLATED, zip.getEntry("config.json").getMethod());
        }
        ModelFile.Entry entry = ModelFile.read(path).entry("weights.pt").orElseThrow();
        assertArrayEquals(weights, entry.bytes());
        assertArrayEquals(weights, Files.readAllBytes(entry.copyTo(temp.resolve("weights.pt"))));
    }

    @Test
    void theSameFileWrittenLaterHasTheSameBytes() throws Exception {
        Path first = temp.resolve("first.regen");
        Path second = temp.resolve("second.regen");
        write(first, "vae", new byte[]{1, 2, 3});
        // Zip entry times count in steps of two seconds: wait past one, so that a time of writing would show.
        Thread.sleep(2100);
        write(second, "vae", new byte[]{1, 2, 3});
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void wrongTypeIsNamed() {
        Path path = temp.resolve("gan.regen");
        ModelFile.write(path, TestData.manifest("gan"), Map.of());
        RegenException e = assertThrows(RegenException.class, () -> ModelFile.read(path).requireType(path, "vae"));
        assertTrue(e.getMessage().contains("holds a 'gan' model; this needs a 'vae' model"), e.getMessage());
    }

    @Test
    void newerFormatVersionIsRefused() throws Exception {
        Path path = temp.resolve("future.regen");
        String json = Json.MAPPER.writeValueAsString(TestData.manifest("vae"))
                .replace("\"formatVersion\" : " + ModelFile.FORMAT_VERSION, "\"formatVersion\" : 99");
        zip(path, json);
        RegenException e = assertThrows(RegenException.class, () -> ModelFile.read(path));
        assertTrue(e.getMessage().contains("newer Regen (format version 99)"), e.getMessage());
    }

    @Test
    void aLogisticModelOfTheSigmoidLocationFormatIsRefusedAndOtherVersionTwoFilesRead() throws Exception {
        Manifest bernoulli = TestData.manifest("vae");
        Manifest logistic = new Manifest(bernoulli.format(), bernoulli.formatVersion(), "vae",
                new ModelConfig(ModelKind.CONV_VAE, new ImageShape(3, 8, 8), 4, Likelihood.LOGISTIC, 8),
                bernoulli.training(), bernoulli.data(), bernoulli.state(), bernoulli.provenance());
        Path old = temp.resolve("old-logistic.regen");
        zip(old, Json.MAPPER.writeValueAsString(logistic).replace("\"formatVersion\" : " + ModelFile.FORMAT_VERSION,
                "\"formatVersion\" : 2"));
        RegenException e = assertThrows(RegenException.class, () -> ModelFile.read(old));
        assertTrue(e.getMessage().contains("logistic-likelihood model of an earlier Regen (format version 2)"),
                e.getMessage());
        Path oldBernoulli = temp.resolve("old-bernoulli.regen");
        zip(oldBernoulli, Json.MAPPER.writeValueAsString(bernoulli).replace("\"formatVersion\" : "
                + ModelFile.FORMAT_VERSION, "\"formatVersion\" : 2"));
        assertEquals(Likelihood.BERNOULLI, ModelFile.read(oldBernoulli).manifest().model().likelihood());
    }

    @Test
    void truncatedNonZipAndMissingFilesAreOneLine() throws Exception {
        Path good = temp.resolve("good.regen");
        write(good, "vae", new byte[4096]);
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

    /** The refusal of the model file at {@code path}, checked to be one line that names the file. */
    private static String refusal(Path path) {
        return refusal(path, () -> ModelFile.read(path));
    }

    /** The refusal of what {@code reading} reads from the model file at {@code path}, checked likewise. */
    private static String refusal(Path path, Executable reading) {
        String message = assertThrows(RegenException.class, reading).getMessage();
        assertTrue(message.contains(path.toString()) && !message.contains("\n"), message);
        return message;
    }

    private static ModelFile.Entry weights(Path path) {
        return ModelFile.read(path).entry("weights.pt").orElseThrow();
    }

    private static void write(Path path, String type, byte[] weights) {
        ModelFile.write(path, TestData.manifest(type), Map.of("weights.pt", ModelFile.EntryContent.of(weights)));
    }

    @Test
    void entriesAreReadOnlyWhenAskedForAndMustStillBeTheOnesListed() throws Exception {
        byte[] weights = new byte[4096];
        new Random(3).nextBytes(weights);
        Path path = temp.resolve("flipped.regen");
        write(path, "vae", weights);
        byte[] bytes = Files.readAllBytes(path);
        int at = indexOf(bytes, Arrays.copyOf(weights, 16)) + 100;
        bytes[at] ^= 1;
        Files.write(path, bytes);
        // The manifest reads; the damaged weights are refused when they are read, to memory or to a file.
        ModelFile.Entry flipped = weights(path);
        assertTrue(refusal(path, flipped::bytes).contains("its entry weights.pt does not match its checksum"));
        Path copy = temp.resolve("copy.pt");
        assertTrue(refusal(path, () -> flipped.copyTo(copy)).contains("does not match its checksum"));

        Path replaced = temp.resolve("replaced.regen");
        write(replaced, "vae", weights);
        ModelFile.Entry before = weights(replaced);
        write(replaced, "vae", new byte[]{1, 2, 3});
        assertTrue(refusal(replaced, before::bytes).contains("changed while it was being read: its entry weights.pt"));
        Files.delete(replaced);
        assertEquals("no such model file: " + replaced, assertThrows(RegenException.class, before::bytes).getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    @Test
    void invalidSettingsAreNamedInOneLine() throws Exception {
        // Found by ModelFileFuzzTest: Jackson's messages add the source and reference chain on more lines.
        String json = Json.MAPPER.writeValueAsString(TestData.manifest("vae"));
        Path lr = temp.resolve("lr.regen");
        zip(lr, json.replace("\"learningRate\" : 0.001", "\"learningRate\" : -1.0"));
        assertEquals(lr + " has an invalid config.json: learning rate must be between 1.0E-8 and 10.0, got -1.0", refusal(lr));
        Path wide = temp.resolve("wide.regen");
        zip(wide, json.replace("\"latent\" : 16", "\"latent\" : 9223372036854775807"));
        assertEquals(wide + " has an invalid config.json: model.latent: Numeric value (9223372036854775807) out of "
                + "range of int (-2147483648 - 2147483647)", refusal(wide));
    }

    @Test
    void missingPartsAreNamed() throws Exception {
        var tree = (ObjectNode) Json.MAPPER
                .valueToTree(TestData.manifest("vae"));
        tree.remove("model");
        Path path = temp.resolve("no-model.regen");
        zip(path, tree.toString());
        assertEquals(path + " has an invalid config.json: it has no 'model'", refusal(path));
    }

    @Test
    void zipBombsAndLyingSizesAreRefusedBeforeInflating() throws Exception {
        Path bomb = temp.resolve("bomb.regen");
        // Regen stores its entries; a hostile file deflates 8 MiB of zeros to a few kilobytes.
        zip(bomb, Json.MAPPER.writeValueAsString(TestData.manifest("vae")), Map.of("weights.pt", new byte[8 << 20]));
        assertTrue(refusal(bomb).contains("its entry weights.pt inflates"));

        Path good = temp.resolve("good.regen");
        byte[] weights = new byte[4096];
        new Random(1).nextBytes(weights);
        write(good, "vae", weights);
        byte[] bytes = Files.readAllBytes(good);
        Path huge = Files.write(temp.resolve("huge.regen"), patchSize(bytes, "weights.pt", 0xfffffff0L, -1));
        assertTrue(refusal(huge).contains("its entry weights.pt inflates 4096 bytes to 4294967280"));
        // 2 GiB of incompressible weights: more than the suite's JVM (-Xmx2g) may hold twice, so not read into memory.
        Path big = Files.write(temp.resolve("big.regen"), patchSize(bytes, "weights.pt", 0x7ffffff0L, 0x7ffffff0L));
        assertTrue(refusal(big, weights(big)::bytes).matches(".*its entry weights.pt declares 2147483632 bytes, "
                + "more than the \\d+ this Java process may hold"));
        Path copy = temp.resolve("copy.pt");
        Path shorter = Files.write(temp.resolve("short.regen"), patchSize(bytes, "weights.pt", 8192, -1));
        assertTrue(refusal(shorter, () -> weights(shorter).copyTo(copy))
                .contains("its entry weights.pt holds 4096 bytes, not the 8192 its header declares"));
        Path lying = Files.write(temp.resolve("lying.regen"), patchSize(bytes, "weights.pt", 100, -1));
        assertTrue(refusal(lying, () -> weights(lying).copyTo(copy))
                .contains("its entry weights.pt holds 101 bytes or more, not the 100 its header"));
    }

    /**
     * {@code zip} with the central directory's uncompressed (and, unless negative, compressed) size
     * of {@code entry} replaced: what a zip bomb or a damaged file declares.
     */
    private static byte[] patchSize(byte[] zip, String entry, long size, long compressed) {
        byte[] out = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= out.length; at++) {
            if (b.getInt(at) == 0x02014b50
                    && new String(out, at + 46, b.getShort(at + 28), StandardCharsets.UTF_8).equals(entry)) {
                b.putInt(at + 24, (int) size);
                if (compressed >= 0) {
                    b.putInt(at + 20, (int) compressed);
                }
                return out;
            }
        }
        throw new IllegalArgumentException("no entry " + entry);
    }

    private static void zip(Path path, String json) throws Exception {
        zip(path, json, Map.of());
    }

    /** A model file as another tool would write it: every entry deflated. */
    private static void zip(Path path, String json, Map<String, byte[]> entries) throws Exception {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(path))) {
            z.putNextEntry(new ZipEntry("config.json"));
            z.write(json.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
            }
        }
    }
}
