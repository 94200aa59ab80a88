package dev.regen.model;

import dev.regen.nn.Noise;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.Optional;

import static dev.regen.nn.Tensors.scalar;

/** A model that turns latent codes drawn from its prior (and, if conditional, class labels) into images. */
public interface Generative extends Network {

    /**
     * Images [B, C, H, W] in [0, 1] for latents [B, latent].
     *
     * @param labels class labels [B] (int64), or null for an unconditional model
     */
    Tensor generate(Tensor latents, Tensor labels);

    /**
     * The VAE whose encoder maps images into this model's latent space: the model itself, the VAE
     * inside a VAE-GAN, or none for a GAN.
     */
    default Optional<Vae> autoencoder() {
        return Optional.empty();
    }

    /** {@code n} latent codes [n, latent] drawn from the prior p(z): the standard normal unless the model learns its own. */
    default Tensor samplePrior(long n) {
        return Noise.normal(n, config().latent());
    }

    /** log p(z) per code [B] for codes [B, latent]; here the standard normal's. */
    default Tensor logPrior(Tensor z) {
        return z.square().sum(1).add(scalar(z.size(1) * Math.log(2 * Math.PI))).mul(scalar(-0.5));
    }
}
