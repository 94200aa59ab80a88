package dev.regen.io;

import dev.regen.Fuzz;
import dev.regen.TestData;
import dev.regen.config.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Example;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Fuzzes reading model files: the zip, its {@code config.json} and the checks that
 * {@code SavedModel.load} makes before the weights go to the engine, which this leaves out (a
 * libtorch deserializer is not this project's parser, and it needs the natives).
 */
class ModelFileFuzzTest {
    /**
     * The largest seed inflates to 4 MiB; mutants may also inflate what deflate can in at most
     * 1032:1 from a few KiB. More than this was steered by a header.
     */
    private static final long ALLOCATION_LIMIT = 64L << 20;

    /** A zip of {@code entries} in order, as a model file lays them out. */
    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> model(byte[] config, byte[] weights) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("config.json", config);
        entries.put(ModelFile.WEIGHTS, weights);
        entries.put(ModelFile.HISTORY, "{\"epoch\":1,\"loss\":0.5}\n".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    @Example
    void modelFilesAreReadOrRefused() throws Exception {
        byte[] config = Json.MAPPER.writeValueAsBytes(TestData.manifest("vae"));
        byte[] weights = new byte[300];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (i * 7);
        }
        byte[] shipped;
        try (InputStream in = ModelFileFuzzTest.class.getResourceAsStream("/models/vae-format1.regen")) {
            shipped = in.readAllBytes();
        }
        List<byte[]> files = List.of(zip(model(config, weights)),
                zip(model(Json.MAPPER.writeValueAsBytes(TestData.manifest("gan")), new byte[4 << 20])), shipped);
        // Mutants of the files as they are, and of the manifest's text zipped back into a file.
        var inputs = Arbitraries.oneOf(Fuzz.mutants(files),
                Fuzz.mutants(List.of(config)).map(json -> zip(model(json, weights))));
        Fuzz.run("model-file", inputs, "model.regen", ALLOCATION_LIMIT, file -> {
            ModelFile model = ModelFile.read(file);
            model.requireType(file, model.manifest().model().kind().family().type());
            model.entries().values().forEach(ModelFile.Entry::bytes);
        });
    }
}
