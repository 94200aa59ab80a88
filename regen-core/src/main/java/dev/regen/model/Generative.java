package dev.regen.model;

import dev.regen.config.ModelConfig;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/** A model that turns standard-normal latent codes (and, if conditional, class labels) into images. */
public interface Generative {
    /** The architecture, including latent size and class count. */
    ModelConfig config();

    /**
     * Images [B, C, H, W] in [0, 1] for latents [B, latent].
     *
     * @param labels class labels [B] (int64), or null for an unconditional model
     */
    Tensor generate(Tensor latents, Tensor labels);

    /** Puts the network in evaluation (true) or training (false) mode. */
    void evaluationMode(boolean evaluation);

    /** The network itself, whose parameters and buffers a model file stores. */
    Module network();
}
