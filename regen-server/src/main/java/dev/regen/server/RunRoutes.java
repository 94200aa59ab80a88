package dev.regen.server;

import dev.regen.RegenException;
import dev.regen.io.Manifest;
import dev.regen.io.ModelFile;
import dev.regen.train.History;
import dev.regen.train.RunFiles;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Training page's view of the run folders under the studio's folder: each run's progress,
 * its loss curve (the epochs of {@code metrics.jsonl}) and its newest sample grid, read afresh on
 * every request so that a run training meanwhile shows its new epochs.
 */
final class RunRoutes {
    private static final int DEPTH = 3;

    private final ModelCatalog catalog;
    private final Map<Path, Read> manifests = new ConcurrentHashMap<>();

    RunRoutes(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/runs", ctx -> ctx.json(runs()));
        routes.get("/api/runs/metrics", this::metrics);
        routes.get("/api/runs/samples.png", this::samples);
    }

    /** Every run folder (one holding a checkpoint or metrics), newest first. */
    private List<Map<String, Object>> runs() {
        if (!Files.isDirectory(catalog.root())) {
            return List.of();
        }
        try (Stream<Path> folders = Files.walk(catalog.root(), DEPTH)) {
            return folders.filter(Files::isDirectory).map(RunFiles::new)
                    .filter(run -> Files.exists(run.checkpoint()) || Files.exists(run.metrics()))
                    .sorted(Comparator.comparingLong(RunRoutes::updated).reversed())
                    .map(this::describe).toList();
        } catch (IOException | RuntimeException e) {
            throw new RegenException("cannot list the runs in " + catalog.root() + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> describe(RunFiles run) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("name", catalog.name(run.folder()));
        try {
            about.put("epochs", epochs(run).size());
        } catch (RegenException e) {
            // One run's unreadable history must not hide the others.
            about.put("epochs", null);
            about.put("error", e.getMessage());
        }
        Optional<Manifest> manifest = manifest(run);
        about.put("kind", manifest.map(m -> m.model().kind().id()).orElse(null));
        about.put("totalEpochs", manifest.map(m -> m.training().optimisation().epochs()).orElse(null));
        about.put("finished", Files.exists(run.model()));
        about.put("updated", updated(run));
        return about;
    }

    /** {@code ?run}: the run's epochs so far, each with its training and test metrics. */
    private void metrics(Context ctx) {
        RunFiles run = run(ctx);
        ctx.json(Map.of("run", catalog.name(run.folder()), "epochs", epochs(run)));
    }

    /** {@code ?run}: the sample grid of the run's newest epoch. */
    private void samples(Context ctx) {
        RunFiles run = run(ctx);
        Path folder = run.epochSamples();
        Path newest;
        try (Stream<Path> grids = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            newest = grids.filter(p -> p.getFileName().toString().endsWith(".png")).max(Comparator.naturalOrder())
                    .orElseThrow(() -> StudioError.notFound(catalog.name(run.folder()) + " has no sample grid yet"));
        } catch (IOException e) {
            throw StudioError.notFound("cannot list " + folder + ": " + e.getMessage());
        }
        try {
            ctx.contentType(ContentType.IMAGE_PNG).result(Files.readAllBytes(newest));
        } catch (IOException e) {
            throw StudioError.notFound("cannot read " + newest + ": " + e.getMessage());
        }
    }

    private RunFiles run(Context ctx) {
        return new RunFiles(catalog.resolve(Params.text(ctx, "run"), false));
    }

    private static List<dev.regen.train.EpochMetrics> epochs(RunFiles run) {
        try {
            return Files.exists(run.metrics()) ? History.fromJsonLines(Files.readAllBytes(run.metrics())) : List.of();
        } catch (IOException e) {
            throw new RegenException("cannot read " + run.metrics() + ": " + e.getMessage(), e);
        }
    }

    /** The checkpoint's manifest, read again only when the checkpoint changed (it holds the weights too). */
    private Optional<Manifest> manifest(RunFiles run) {
        try {
            if (!Files.exists(run.checkpoint())) {
                return Optional.empty();
            }
            long modified = Files.getLastModifiedTime(run.checkpoint()).toMillis();
            Read read = manifests.compute(run.checkpoint(), (file, old) -> old != null && old.modified() == modified
                    ? old : new Read(modified, ModelFile.read(file).manifest()));
            return Optional.of(read.manifest());
        } catch (IOException | RegenException e) {
            return Optional.empty();
        }
    }

    private record Read(long modified, Manifest manifest) {
    }

    private static long updated(RunFiles run) {
        try {
            Path newest = Files.exists(run.metrics()) ? run.metrics() : run.checkpoint();
            return Files.getLastModifiedTime(newest).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
