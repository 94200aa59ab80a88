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
        new ModelFile(TestData.manifest("vae"), Map.of("weights.pt", new byte[]{1, 2, 3})).write(path);
        ModelFile read = ModelFile.read(path);
        assertEquals(TestData.manifest("vae"), read.manifest());
        assertArrayEquals(new byte[]{1, 2, 3}, read.entry("weights.pt").orElseThrow());
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
        assertArrayEquals(weights, ModelFile.read(path).entry("weights.pt").orElseThrow());
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

    /** The refusal of the model file at {@code path}, checked to be one line that names the file. */
    private static String refusal(Path path) {
        String message = assertThrows(RegenException.class, () -> ModelFile.read(path)).getMessage();
        assertTrue(message.contains(path.toString()) && !message.contains("\n"), message);
        return message;
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
        new ModelFile(TestData.manifest("vae"), Map.of("weights.pt", weights)).write(good);
        byte[] bytes = Files.readAllBytes(good);
        Path huge = Files.write(temp.resolve("huge.regen"), patchSize(bytes, "weights.pt", 0xfffffff0L, -1));
        assertTrue(refusal(huge).contains("its entry weights.pt declares 4294967280 bytes, more than one entry"));
        // 2 GiB of incompressible weights: more than the suite's JVM (-Xmx2g) may allocate.
        Path big = Files.write(temp.resolve("big.regen"), patchSize(bytes, "weights.pt", 0x7ffffff0L, 0x7ffffff0L));
        assertTrue(refusal(big).matches(".* declares \\d+ MiB of contents, more than the \\d+ MiB this Java .*"));
        Path lying = Files.write(temp.resolve("lying.regen"), patchSize(bytes, "weights.pt", 100, -1));
        assertTrue(refusal(lying).contains("its entry weights.pt holds 101 bytes or more, not the 100 its header"));
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
