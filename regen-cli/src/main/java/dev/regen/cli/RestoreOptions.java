package dev.regen.cli;

import dev.regen.model.SavedModel;
import dev.regen.restore.RestoreSettings;
import picocli.CommandLine.Option;

/** The knobs of the restoration methods, shared by {@code restore} and {@code eval-restore}. */
final class RestoreOptions {
    @Option(names = "--restarts", defaultValue = "4", description = "latent-search starts per image (default: ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--steps", defaultValue = "300",
            description = "latent-search and Langevin steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--step-size", defaultValue = "0.05", paramLabel = "LR",
            description = "Adam's step size in latent space (default: ${DEFAULT-VALUE})")
    double stepSize;

    @Option(names = "--samples", defaultValue = "8", description = "posterior samples per image (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--iterations", description = "projection rounds for missing pixels and low resolution "
            + "(default: 5; 1 for a model trained for the task, whose encoder knows damaged images only)")
    Integer iterations;

    @Option(names = "--seed", defaultValue = "1", description = "seed of damage and restarts (default: ${DEFAULT-VALUE})")
    long seed;

    /** The settings for {@code model}. */
    RestoreSettings settings(SavedModel model) {
        int rounds = iterations != null ? iterations : RestoreSettings.defaultIterations(model);
        return new RestoreSettings(restarts, steps, stepSize, samples, rounds);
    }
}
