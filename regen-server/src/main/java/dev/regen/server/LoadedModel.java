package dev.regen.server;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.ImageShape;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.edit.Attributes;
import dev.regen.io.Manifest;
import dev.regen.model.SavedModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A model file the studio has loaded, with what it computes once per model: the latent directions
 * its sliders move along, and the images it was trained on (for picking test images), when still
 * where the run read them.
 */
final class LoadedModel {
    private final String name;
    private final SavedModel saved;
    private final long modified;
    private Attributes directions;
    private Optional<DataSource.Loaded> data;

    LoadedModel(String name, SavedModel saved, long modified) {
        this.name = name;
        this.saved = saved;
        this.modified = modified;
    }

    String name() {
        return name;
    }

    SavedModel saved() {
        return saved;
    }

    long modified() {
        return modified;
    }

    /** What training images were composited onto, for images fed to the model. */
    Background background() {
        return saved.file().manifest().data().background();
    }

    /**
     * This model, when it supports {@code use}.
     *
     * @throws StudioError 400 naming what it supports instead
     */
    LoadedModel require(String use) {
        List<String> uses = ModelSummary.uses(saved.file().manifest());
        if (!uses.contains(use)) {
            throw StudioError.badRequest(name + " is a " + saved.file().manifest().model().kind().id() + " model: it "
                    + (uses.isEmpty() ? "has no use in the studio" : "can " + String.join(", ", uses)) + ", not " + use);
        }
        return this;
    }

    /** The directions of the model's sliders and edits (call within the engine's turn: it may encode images). */
    synchronized Attributes directions() {
        if (directions == null) {
            directions = LatentDirections.of(saved, this::trainingImages);
        }
        return directions;
    }

    /** The model's held-out images (its training images where it held none out), if they can still be read. */
    synchronized Optional<ImageDataset> testImages() {
        return data().map(d -> d.test().orElse(d.train()));
    }

    /** The model's training images, if they can still be read. */
    synchronized Optional<ImageDataset> trainingImages() {
        return data().map(DataSource.Loaded::train);
    }

    private Optional<DataSource.Loaded> data() {
        if (data == null) {
            Manifest manifest = saved.file().manifest();
            Path path = Path.of(manifest.data().path());
            ImageShape shape = manifest.model().shape();
            try {
                data = manifest.model().kind().translates() || !Files.exists(path) ? Optional.empty()
                        : Optional.of(DataSource.open(path, own -> shape, false, manifest.data().background()));
            } catch (RegenException e) {
                // Moved or changed since training: the page offers uploads instead.
                data = Optional.empty();
            }
        }
        return data;
    }
}
