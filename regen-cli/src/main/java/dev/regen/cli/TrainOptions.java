package dev.regen.cli;

import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import picocli.CommandLine.Option;

/** Model and training options of {@code regen train} and {@code regen demo}. */
final class TrainOptions {
    @Option(names = "--model", defaultValue = "conv-vae", paramLabel = "KIND",
            converter = Converters.Kind.class, description = "conv-vae or mlp-vae (default: ${DEFAULT-VALUE})")
    ModelKind kind;

    @Option(names = "--latent", defaultValue = "16", description = "latent dimensions (default: ${DEFAULT-VALUE})")
    int latent;

    @Option(names = "--width", defaultValue = "32", paramLabel = "N",
            description = "filters of the first conv layer, or hidden units of the MLP (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--likelihood", defaultValue = "bernoulli", converter = Converters.LikelihoodName.class,
            description = "bernoulli, gaussian or logistic (default: ${DEFAULT-VALUE})")
    Likelihood likelihood;

    @Option(names = "--beta", defaultValue = "1.0", description = "weight of the KL term (default: ${DEFAULT-VALUE})")
    double beta;

    @Option(names = "--kl-warmup", defaultValue = "0", paramLabel = "EPOCHS",
            description = "ramp the KL weight from 0 to beta over this many epochs (default: ${DEFAULT-VALUE})")
    double klWarmup;

    @Option(names = "--free-bits", defaultValue = "0", paramLabel = "NATS",
            description = "KL per latent dimension that costs nothing (default: ${DEFAULT-VALUE})")
    double freeBits;

    @Option(names = "--epochs", defaultValue = "10", description = "passes over the data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "images per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--grad-clip", defaultValue = "0", paramLabel = "NORM",
            description = "clip the gradient norm, 0 for none (default: ${DEFAULT-VALUE})")
    double gradClip;

    @Option(names = "--seed", defaultValue = "1", description = "seed of everything random (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "compute threads, 0 for one per core")
    int threads;

    ModelConfig model(ImageShape shape) {
        return new ModelConfig(kind, shape, latent, likelihood, width);
    }

    TrainConfig training() {
        return new TrainConfig(epochs, batch, lr, beta, klWarmup, freeBits, gradClip, seed, threads);
    }
}
