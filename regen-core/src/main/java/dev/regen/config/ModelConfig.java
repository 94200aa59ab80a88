package dev.regen.config;

/**
 * Everything needed to rebuild a model's architecture.
 *
 * @param kind       network family
 * @param shape      image shape the model reads and writes
 * @param latent     dimensions of the latent code z
 * @param likelihood decoder distribution p(x|z)
 * @param width      base width: filters of the first conv layer, or hidden units of the MLP
 */
public record ModelConfig(ModelKind kind, ImageShape shape, int latent, Likelihood likelihood, int width) {
    /** Validates every field. */
    public ModelConfig {
        Check.present("model", kind);
        Check.present("shape", shape);
        Check.present("likelihood", likelihood);
        Check.range("latent", latent, 1, 4096);
        Check.range("width", width, 1, 8192);
    }

    /** The default convolutional VAE for images of {@code shape}: 32 base filters, 16 latents, Bernoulli. */
    public static ModelConfig convVae(ImageShape shape) {
        return new ModelConfig(ModelKind.CONV_VAE, shape, 16, Likelihood.BERNOULLI, 32);
    }

    /** A copy with another latent size. */
    public ModelConfig withLatent(int newLatent) {
        return new ModelConfig(kind, shape, newLatent, likelihood, width);
    }
}
