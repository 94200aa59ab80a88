package dev.regen.train;

import java.nio.file.Path;

/**
 * The layout of a run folder.
 *
 * @param folder the run folder
 */
public record RunFiles(Path folder) {
    /** Latest checkpoint, with optimizer state; what {@code regen resume} reads. */
    public Path checkpoint() {
        return folder.resolve("checkpoint.regen");
    }

    /** The final model, without optimizer state. */
    public Path model() {
        return folder.resolve("model.regen");
    }

    /** Per-epoch metrics, one JSON object a line. */
    public Path metrics() {
        return folder.resolve("metrics.jsonl");
    }

    /** Fixed-noise sample grids, one per epoch. */
    public Path epochSamples() {
        return folder.resolve("samples");
    }

    /** Grid of new samples from the final model. */
    public Path samples() {
        return folder.resolve("samples.png");
    }

    /** Test images beside their reconstructions. */
    public Path reconstructions() {
        return folder.resolve("reconstructions.png");
    }

    /** Latent interpolation strips between test images. */
    public Path interpolation() {
        return folder.resolve("interpolation.png");
    }

    /** Loss curves. */
    public Path lossCurve() {
        return folder.resolve("loss.png");
    }

    /** Human-readable summary. */
    public Path summary() {
        return folder.resolve("summary.txt");
    }
}
