package dev.regen.cli;

import dev.regen.sample.Inversion;
import picocli.CommandLine.Option;

/** How commands that need images' latent codes invert a model without an encoder (a GAN). */
final class InversionOptions {
    @Option(names = "--restarts", defaultValue = "2",
            description = "for a GAN: inversion starts per image, the best kept (default: ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--steps", defaultValue = "300",
            description = "for a GAN: Adam steps of the inversion (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--step-size", defaultValue = "0.05", paramLabel = "LR",
            description = "for a GAN: Adam's step size in latent space (default: ${DEFAULT-VALUE})")
    double stepSize;

    /** The inversion these options ask for, seed 1. */
    Inversion inversion() {
        return new Inversion(restarts, steps, stepSize, 1);
    }
}
