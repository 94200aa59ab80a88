package dev.regen.nn;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/** Maps images [B, C, H, W] to the parameters of q(z|x): a tensor [B, 2 * latent] of means then log-variances. */
public abstract class Encoder extends Module {
    /** Runs the network. */
    public abstract Tensor forward(Tensor images);
}
