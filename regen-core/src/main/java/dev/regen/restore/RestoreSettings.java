package dev.regen.restore;

import dev.regen.config.Check;
import dev.regen.model.SavedModel;

/**
 * Knobs of the restoration methods.
 *
 * @param restarts     latent-search starting points per image
 * @param steps        Adam steps of the latent search, and Langevin steps of posterior sampling
 * @param learningRate Adam's step size in latent space
 * @param samples      posterior samples per image
 * @param iterations   encode-decode rounds of the projection for missing pixels and low resolution
 */
public record RestoreSettings(int restarts, int steps, double learningRate, int samples, int iterations) {
    /** Validates the ranges. */
    public RestoreSettings {
        Check.range("restarts", restarts, 1, 1000);
        Check.range("steps", steps, 1, 100_000);
        Check.range("learning rate", learningRate, 1e-6, 10);
        Check.range("samples", samples, 1, 1000);
        Check.range("iterations", iterations, 1, 1000);
    }

    /** 4 restarts, 300 steps at rate 0.05, 8 samples, 5 projection rounds. */
    public static RestoreSettings defaults() {
        return new RestoreSettings(4, 300, 0.05, 8, 5);
    }

    /** The defaults for {@code model}, with its {@link #defaultIterations} and {@code samples} posterior samples. */
    public static RestoreSettings defaults(SavedModel model, int samples) {
        RestoreSettings defaults = defaults();
        return new RestoreSettings(defaults.restarts(), defaults.steps(), defaults.learningRate(), samples,
                defaultIterations(model));
    }

    /**
     * Projection rounds for {@code model} when none are chosen: 1 for a VAE trained on the damaged
     * inputs of a restoration task (its encoder already maps them into place), else 5.
     */
    public static int defaultIterations(SavedModel model) {
        return model.file().manifest().training().objective().inputDamage() != null ? 1 : 5;
    }
}
