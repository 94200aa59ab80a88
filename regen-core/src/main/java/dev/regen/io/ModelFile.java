package dev.regen.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regen.RegenException;
import dev.regen.config.Json;
import dev.regen.config.Likelihood;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * One trained model or checkpoint as a single zip file: {@code config.json} (the {@link Manifest})
 * beside named binary entries such as the weights and the optimizer state. Reading a file reads its
 * manifest and lists its entries; an entry's content is read from the file only when asked for.
 *
 * @param manifest what the file holds
 * @param entries  the other entries by name
 */
public record ModelFile(Manifest manifest, Map<String, Entry> entries) {
    /** Value of {@link Manifest#format()} in every Regen model file. */
    public static final String FORMAT = "regen-model";
    /**
     * The layout version this build writes and the newest it reads: 3 decodes a logistic likelihood's
     * location unbounded (PixelLikelihood); 2 keeps the training settings in sections; 1 (Regen 0.1)
     * kept them as one flat object, which files of version 1 still load as.
     */
    public static final int FORMAT_VERSION = 3;
    private static final int FLAT_TRAINING_VERSION = 1;
    /** The last version whose logistic decoders put their location through a sigmoid. */
    private static final int SIGMOID_LOGISTIC_VERSION = 2;
    /** Entry holding the network weights. */
    public static final String WEIGHTS = "weights.pt";
    /** Entry holding the optimizer state, in checkpoints only. */
    public static final String OPTIMIZER = "optimizer.pt";
    /** Entry holding the per-epoch metrics so far, one JSON object a line. */
    public static final String HISTORY = "history.jsonl";
    private static final String CONFIG = "config.json";
    /** The date of every entry: the earliest a zip entry can hold. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    /** The largest Java array: an entry read into memory is read into one. */
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    /**
     * Weights and optimizer state barely compress, and text a few times: an entry past
     * {@link #BOMB_FLOOR_BYTES} that inflates more than this is a zip bomb, not a model.
     */
    private static final long MAX_INFLATION = 100;
    private static final long BOMB_FLOOR_BYTES = 1 << 20;
    private static final int COPY_BUFFER_BYTES = 1 << 16;

    /** An entry, if present. */
    public Optional<Entry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * One entry of a model file on disk, as the zip's directory declares it. Its content is read
     * from the file each time it is asked for and never kept, so loading the weights of a large model
     * holds no copy of them in memory, and listing models reads only their manifests. The content
     * must still match the declared size and CRC-32 when it is read: a file that was damaged, or
     * replaced by another since, is refused.
     *
     * @param file the model file
     * @param name the entry's name
     * @param size its declared size in bytes
     * @param crc  its declared CRC-32
     */
    public record Entry(Path file, String name, long size, long crc) {
        /** The content in memory, for the small entries (the history). */
        public byte[] bytes() {
            return withZip(file, zip -> readBytes(file, zip, current(zip)));
        }

        /** Writes the content to {@code target}, replacing it, without holding it in memory; gives {@code target}. */
        public Path copyTo(Path target) {
            return withZip(file, zip -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), COPY_BUFFER_BYTES)) {
                    copy(file, zip, current(zip), out);
                }
                return target;
            });
        }

        /** This entry in the file as it is now, which must be the one that was read. */
        private ZipEntry current(ZipFile zip) {
            ZipEntry e = zip.getEntry(name);
            if (e == null || e.getSize() != size || e.getCrc() != crc) {
                throw new RegenException(file + " changed while it was being read: its entry " + name
                        + (e == null ? " is gone" : " is not the one its directory declared before"));
            }
            return e;
        }
    }

    /** Work on an open zip file that may fail with an I/O error. */
    @FunctionalInterface
    private interface ZipWork<T> {
        T apply(ZipFile zip) throws IOException;
    }

    /** Opens the model file at {@code path}, does {@code work} and closes it; every failure is one line. */
    private static <T> T withZip(Path path, ZipWork<T> work) {
        if (Files.isDirectory(path)) {
            throw new RegenException(path + " is a folder, not a model file");
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return work.apply(zip);
        } catch (NoSuchFileException e) {
            throw new RegenException("no such model file: " + path);
        } catch (ZipException e) {
            throw new RegenException(path + " is not a Regen model file, or it is corrupt or truncated", e);
        } catch (IOException e) {
            if (!Files.exists(path)) {
                throw new RegenException("no such model file: " + path);
            }
            throw new RegenException("cannot read model file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Fails unless the file holds a model of family {@code type}. */
    public ModelFile requireType(Path path, String type) {
        if (!type.equals(manifest.type())) {
            throw new RegenException(path + " holds a '" + manifest.type() + "' model; this needs a '" + type + "' model");
        }
        return this;
    }

    /** The content of one entry, written straight into the file rather than gathered in memory first. */
    @FunctionalInterface
    public interface EntryContent {
        /** Writes the entry's bytes to {@code out}. */
        void writeTo(OutputStream out) throws IOException;

        /** Content already in memory. */
        static EntryContent of(byte[] bytes) {
            return out -> out.write(bytes);
        }
    }

    /**
     * Writes a model file atomically from its manifest and entries, each entry written into the zip
     * as its content produces it: the weights and optimizer state of a large model then never sit in
     * memory as a copy beside the engine's tensors.
     */
    public static void write(Path path, Manifest manifest, Map<String, EntryContent> entries) {
        AtomicFiles.write(path, tmp -> {
            Path spool = tmp.resolveSibling(tmp.getFileName() + ".entry");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                zip.putNextEntry(zipEntry(CONFIG));
                zip.write(Json.MAPPER.writeValueAsBytes(manifest));
                zip.closeEntry();
                for (Map.Entry<String, EntryContent> e : entries.entrySet()) {
                    writeStored(zip, e.getKey(), e.getValue(), spool);
                }
            } finally {
                Files.deleteIfExists(spool);
            }
        });
    }

    /**
     * Adds an entry uncompressed, as libtorch's own archives are: deflating weights and optimizer
     * moments saves a fifth of their size and costs seconds at every checkpoint (docs/BENCHMARKS.md,
     * translation models). A stored entry's header carries its size and CRC, so the content is
     * spooled to a file beside the target first and copied from there.
     */
    private static void writeStored(ZipOutputStream zip, String name, EntryContent content, Path spool)
            throws IOException {
        CRC32 crc = new CRC32();
        try (OutputStream out = new CheckedOutputStream(new BufferedOutputStream(Files.newOutputStream(spool)), crc)) {
            content.writeTo(out);
        }
        ZipEntry entry = zipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(Files.size(spool));
        entry.setCompressedSize(entry.getSize());
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        Files.copy(spool, zip);
        zip.closeEntry();
    }

    /**
     * A zip entry dated {@link #ENTRY_TIME} rather than the time of writing, so that the same model
     * gives the same file bytes whenever it is written (the manifest says when it was trained).
     */
    private static ZipEntry zipEntry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    /** Reads and checks a model file's manifest and lists its other entries. */
    public static ModelFile read(Path path) {
        return withZip(path, zip -> {
            ZipEntry config = zip.getEntry(CONFIG);
            if (config == null) {
                throw new RegenException(path + " is not a Regen model file (no " + CONFIG + ")");
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                refuseBomb(path, e);
                if (!e.getName().equals(CONFIG)) {
                    entries.put(e.getName(), new Entry(path, e.getName(), e.getSize(), e.getCrc()));
                }
            }
            // Every entry, config.json included, has passed refuseBomb before anything is inflated.
            return new ModelFile(readManifest(path, zip, config), entries);
        });
    }

    /** Refuses an entry that declares it inflates like a zip bomb. */
    private static void refuseBomb(Path path, ZipEntry e) {
        long size = e.getSize();
        if (size > BOMB_FLOOR_BYTES && size > MAX_INFLATION * Math.max(1, e.getCompressedSize())) {
            throw new RegenException(path + " is not a Regen model file: its entry " + e.getName() + " inflates "
                    + e.getCompressedSize() + " bytes to " + size + ", as a zip bomb does");
        }
    }

    /**
     * An entry's content in memory, if its declared size fits one array and, with the copy an array
     * stream makes, this JVM's heap.
     */
    private static byte[] readBytes(Path path, ZipFile zip, ZipEntry e) throws IOException {
        long room = Math.min(MAX_ARRAY_BYTES, Runtime.getRuntime().maxMemory() / 2);
        if (e.getSize() > room) {
            throw new RegenException(path + " is corrupt or not a Regen model file: its entry " + e.getName()
                    + " declares " + e.getSize() + " bytes, more than the " + room + " this Java process may hold");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(e.getSize(), 0),
                COPY_BUFFER_BYTES));
        copy(path, zip, e, out);
        return out.toByteArray();
    }

    /**
     * Copies an entry's content to {@code out}, which must be as many bytes as its header declares
     * and match its CRC-32 (the zip reader checks neither for a stored entry).
     */
    private static void copy(Path path, ZipFile zip, ZipEntry e, OutputStream out) throws IOException {
        long declared = e.getSize();
        long limit = declared < 0 ? MAX_ARRAY_BYTES : declared;
        CRC32 crc = new CRC32();
        long count = 0;
        byte[] buffer = new byte[COPY_BUFFER_BYTES];
        try (InputStream in = zip.getInputStream(e)) {
            for (int n; count <= limit && (n = in.read(buffer)) > 0; count += n) {
                // At most one byte past the declared size: enough to tell that the entry holds more.
                int kept = (int) Math.min(n, limit + 1 - count);
                out.write(buffer, 0, kept);
                crc.update(buffer, 0, kept);
            }
        }
        if (declared >= 0 && count != declared) {
            throw new RegenException(path + " is corrupt: its entry " + e.getName() + " holds "
                    + Math.min(count, declared + 1) + (count > declared ? " bytes or more" : " bytes") + ", not the "
                    + declared + " its header declares");
        }
        if (e.getCrc() >= 0 && crc.getValue() != e.getCrc()) {
            throw new RegenException(path + " is corrupt: its entry " + e.getName() + " does not match its checksum");
        }
    }

    private static Manifest readManifest(Path path, ZipFile zip, ZipEntry config) throws IOException {
        ObjectNode tree = readTree(path, zip, config);
        if (!FORMAT.equals(tree.path("format").asText())) {
            throw new RegenException(path + " is not a Regen model file (format '" + tree.path("format").asText() + "')");
        }
        int version = tree.path("formatVersion").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw new RegenException(path + " was written by a newer Regen (format version " + version
                    + "); this build reads versions up to " + FORMAT_VERSION);
        }
        if (version < 1) {
            throw new RegenException(path + " has an invalid format version " + version);
        }
        Manifest manifest;
        try {
            if (version == FLAT_TRAINING_VERSION && tree.path("training").isObject()) {
                tree.set("training", sectioned(Json.MAPPER.treeToValue(tree.get("training"), LegacyTraining.class)));
            }
            manifest = Json.MAPPER.treeToValue(tree, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new RegenException(path + " has an invalid " + CONFIG + ": " + reason(e), e);
        } catch (RegenException e) {
            throw new RegenException(path + " has an invalid " + CONFIG + ": " + e.getMessage(), e);
        }
        // Every file written has every part, and the uses read them without checking.
        Object[] parts = {manifest.type(), manifest.model(), manifest.training(), manifest.data(), manifest.state(),
                manifest.provenance()};
        String[] names = {"type", "model", "training", "data", "state", "provenance"};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new RegenException(path + " has an invalid " + CONFIG + ": it has no '" + names[i] + "'");
            }
        }
        if (version <= SIGMOID_LOGISTIC_VERSION && manifest.model().likelihood() == Likelihood.LOGISTIC) {
            throw new RegenException(path + " is a logistic-likelihood model of an earlier Regen (format version "
                    + version + "), whose decoder put the location through a sigmoid; this build reads it unbounded,"
                    + " so retrain the model (regen train ... --likelihood logistic)");
        }
        return manifest;
    }

    /**
     * Jackson's reason on one line: a settings record's own refusal, which names the setting, or
     * Jackson's message with the field's path instead of the source location and reference chain
     * it appends on further lines.
     */
    private static String reason(JsonProcessingException e) {
        if (e.getCause() instanceof RegenException refusal) {
            return refusal.getMessage();
        }
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining(".")) : "";
        return (field.isEmpty() ? "" : field + ": ") + e.getOriginalMessage();
    }

    /** The settings of a file written before 0.2, in the sections this build reads. */
    private static ObjectNode sectioned(LegacyTraining legacy) {
        ObjectNode training = Json.MAPPER.valueToTree(legacy.toConfig());
        if (legacy.inputCorruption() != null) {
            ((ObjectNode) training.get("objective")).put("inputDamage", legacy.inputCorruption());
        }
        return training;
    }

    private static ObjectNode readTree(Path path, ZipFile zip, ZipEntry config)
            throws IOException {
        try {
            if (!(Json.MAPPER.readTree(readBytes(path, zip, config)) instanceof ObjectNode object)) {
                throw new RegenException(path + " has a " + CONFIG + " that is not a JSON object");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new RegenException(path + " has an unreadable " + CONFIG, e);
        }
    }
}
