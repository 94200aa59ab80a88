package dev.regen.nn;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/** Maps latent codes [B, latent] to unconstrained pixel parameters [B, C, H, W] (logits of the mean). */
public abstract class Decoder extends Module {
    /** Runs the network. */
    public abstract Tensor forward(Tensor latents);
}
