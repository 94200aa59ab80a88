package dev.regen.server;

import dev.regen.RegenException;
import dev.regen.edit.Attributes;
import dev.regen.io.ModelFile;
import dev.regen.model.SavedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The model files under the studio's folder, named by their path inside it ({@code run/model.regen}),
 * loaded on first use and again when the file changes (a training run rewrites its checkpoint).
 * Names resolve only inside the folder: absolute paths, {@code ..}, and links leading out are refused.
 */
final class ModelCatalog {
    /** Run folders sit one or two levels down ({@code runs/vae-1/model.regen}); deeper is not searched. */
    private static final int DEPTH = 3;
    static final String EXTENSION = ".regen";

    private final Path root;
    private final Map<String, LoadedModel> loaded = new ConcurrentHashMap<>();

    ModelCatalog(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The names of every model file under the folder, in name order. */
    List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, DEPTH)) {
            return files.filter(p -> p.getFileName().toString().endsWith(EXTENSION))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(this::name).sorted().toList();
        } catch (IOException | RuntimeException e) {
            throw new RegenException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** What {@code name}'s file says of itself, read without loading the weights; a broken file says what is wrong. */
    ModelSummary summary(String name) {
        Path file = resolve(name, true);
        try {
            return ModelSummary.of(name, ModelFile.read(file), Files.exists(Attributes.beside(file)));
        } catch (RegenException e) {
            return ModelSummary.broken(name, e.getMessage());
        }
    }

    /** Every model's summary. */
    List<ModelSummary> summaries() {
        List<ModelSummary> all = new ArrayList<>();
        for (String name : names()) {
            all.add(summary(name));
        }
        return all;
    }

    /** The loaded model {@code name}, loaded again when its file changed since. */
    LoadedModel load(String name) {
        Path file = resolve(name, true);
        long modified = modified(file);
        // Keyed by the resolved name, so that spellings of one path (./a.regen, x/../a.regen) share it.
        String key = name(file);
        return loaded.compute(key, (k, old) -> old != null && old.modified() == modified ? old
                : new LoadedModel(key, SavedModel.load(file), modified));
    }

    /**
     * The file or folder {@code name} names inside the studio's folder.
     *
     * @param model whether it must be a model file
     * @throws StudioError 404 when it does not exist or is not inside the folder
     */
    Path resolve(String name, boolean model) {
        if (name == null || name.isBlank()) {
            throw StudioError.badRequest("name a model or run");
        }
        Path candidate;
        try {
            if (Path.of(name).isAbsolute()) {
                throw StudioError.notFound("no model or run named '" + name + "': names are paths inside " + root);
            }
            candidate = root.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw StudioError.notFound("no model or run named '" + name + "'");
        }
        if (!candidate.startsWith(root) || candidate.equals(root)
                || !Files.exists(candidate) || (model && !candidate.getFileName().toString().endsWith(EXTENSION))) {
            throw StudioError.notFound("no " + (model ? "model" : "run") + " named '" + name + "' in " + root);
        }
        try {
            // A link inside the folder must not lead out of it.
            if (!candidate.toRealPath().startsWith(root.toRealPath())) {
                throw StudioError.notFound("no " + (model ? "model" : "run") + " named '" + name + "' in " + root);
            }
        } catch (IOException e) {
            throw StudioError.notFound("no model or run named '" + name + "'");
        }
        return candidate;
    }

    /** The name of a file or folder inside the studio's folder: its path from there, with forward slashes. */
    String name(Path inside) {
        return root.relativize(inside.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
        } catch (IOException e) {
            throw StudioError.notFound("cannot read " + file + ": " + e.getMessage());
        }
    }
}
