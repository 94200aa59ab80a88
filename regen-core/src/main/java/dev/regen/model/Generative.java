package dev.regen.model;

import org.bytedeco.pytorch.Tensor;

/** A model that turns standard-normal latent codes (and, if conditional, class labels) into images. */
public interface Generative extends Network {

    /**
     * Images [B, C, H, W] in [0, 1] for latents [B, latent].
     *
     * @param labels class labels [B] (int64), or null for an unconditional model
     */
    Tensor generate(Tensor latents, Tensor labels);

}
