package dev.regen.config;

import dev.regen.RegenException;

/**
 * Everything needed to rebuild a model's architecture.
 *
 * @param kind       network family
 * @param shape      image shape the model reads and writes
 * @param latent     dimensions of the latent code z (for a classifier: of its feature layer)
 * @param likelihood decoder distribution p(x|z) (VAEs only; other families ignore it)
 * @param width      base width: filters of the first conv layer, or hidden units of the MLP
 * @param classes    class count of a conditional model, or 0 for an unconditional one
 * @param priorComponents VAEs: components of a learned Gaussian-mixture prior p(z), or 0 for the
 *                   standard normal (files written before learned priors existed read as 0)
 * @param tied       conv VAEs: the decoder's transposed convolutions reuse the encoder's convolution
 *                   weights (files written before tying existed read as false)
 * @param sourceChannels translation models: the channels of the images they translate (the
 *                   output's are {@code shape}'s); 0 for every other model
 * @param norm       translation models: how their feature maps are normalised; null for every other
 *                   model
 * @param keepLightness translation models from grey to colour: the output takes its lightness from
 *                   the grey input and the generator supplies only the colour (files written before
 *                   the option existed read as false)
 */
public record ModelConfig(ModelKind kind, ImageShape shape, int latent, Likelihood likelihood, int width, int classes,
                          int priorComponents, boolean tied, int sourceChannels, FeatureNorm norm,
                          boolean keepLightness) {
    /** Validates every field. */
    public ModelConfig {
        Check.present("model", kind);
        Check.present("shape", shape);
        Check.present("likelihood", likelihood);
        Check.range("latent", latent, 1, 4096);
        Check.range("width", width, 1, 8192);
        Check.range("classes", classes, 0, 100_000);
        Check.range("prior components", priorComponents, 0, 100_000);
        boolean hasVae = kind.family() == ModelKind.Family.VAE || kind.family() == ModelKind.Family.VAE_GAN;
        if (priorComponents > 0 && !hasVae) {
            throw new RegenException("a learned prior belongs to a VAE, not to " + kind.id());
        }
        if (tied && kind != ModelKind.CONV_VAE) {
            throw new RegenException("tied encoder and decoder weights belong to the conv VAE, not to " + kind.id());
        }
        if (kind.translates()) {
            Check.range("source channels", sourceChannels, 1, 64);
            Check.present("norm", norm);
        } else if (sourceChannels != 0 || norm != null) {
            throw new RegenException("source channels and a norm belong to translation models, not to " + kind.id());
        }
        if (keepLightness && !(kind.translates() && sourceChannels == 1 && shape.channels() == 3)) {
            throw new RegenException("--keep-lightness colours grey images: it needs a translation model from 1 "
                    + "channel to 3, not " + (kind.translates() ? "from " + sourceChannels + " to "
                    + shape.channels() : kind.id()));
        }
    }

    /** A model that does not translate. */
    public ModelConfig(ModelKind kind, ImageShape shape, int latent, Likelihood likelihood, int width, int classes,
                       int priorComponents, boolean tied) {
        this(kind, shape, latent, likelihood, width, classes, priorComponents, tied, 0, null, false);
    }

    /** A translation model from images of {@code sourceChannels} channels to images of {@code shape}. */
    public static ModelConfig translator(ModelKind kind, ImageShape shape, int sourceChannels, int width,
                                         FeatureNorm norm) {
        return new ModelConfig(kind, shape, 1, Likelihood.BERNOULLI, width, 0, 0, false, sourceChannels, norm, false);
    }

    /** A copy of this translation model from grey to colour whose outputs keep their input's lightness. */
    public ModelConfig keepingLightness() {
        return new ModelConfig(kind, shape, latent, likelihood, width, classes, priorComponents, tied,
                sourceChannels, norm, true);
    }

    /**
     * The shape of one training image: for a translation model, a pair stacked as channels (the
     * source's, then the output's), else the model's own shape.
     */
    public ImageShape dataShape() {
        return kind.translates() ? shape.withChannels(sourceChannels + shape.channels()) : shape;
    }

    /** The shape of the images a translation model reads: its own size, its source channels. */
    public ImageShape sourceShape() {
        return new ImageShape(sourceChannels, shape.height(), shape.width());
    }

    /** A model with untied weights. */
    public ModelConfig(ModelKind kind, ImageShape shape, int latent, Likelihood likelihood, int width, int classes,
                       int priorComponents) {
        this(kind, shape, latent, likelihood, width, classes, priorComponents, false);
    }

    /** A model with the standard normal prior. */
    public ModelConfig(ModelKind kind, ImageShape shape, int latent, Likelihood likelihood, int width, int classes) {
        this(kind, shape, latent, likelihood, width, classes, 0);
    }

    /** An unconditional model. */
    public ModelConfig(ModelKind kind, ImageShape shape, int latent, Likelihood likelihood, int width) {
        this(kind, shape, latent, likelihood, width, 0);
    }

    /** Whether the model takes class labels. */
    public boolean conditional() {
        return classes > 0;
    }

    /** The default convolutional VAE for images of {@code shape}: 32 base filters, 16 latents, Bernoulli. */
    public static ModelConfig convVae(ImageShape shape) {
        return new ModelConfig(ModelKind.CONV_VAE, shape, 16, Likelihood.BERNOULLI, 32);
    }

    /** A copy with another latent size. */
    public ModelConfig withLatent(int newLatent) {
        return new ModelConfig(kind, shape, newLatent, likelihood, width, classes, priorComponents, tied,
                sourceChannels, norm, keepLightness);
    }
}
