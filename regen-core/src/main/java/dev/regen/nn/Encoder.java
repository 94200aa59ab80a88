package dev.regen.nn;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import java.util.List;

/** Maps images [B, C, H, W] to the parameters of q(z|x): a tensor [B, 2 * latent] of means then log-variances. */
public abstract class Encoder extends Module {
    /** Runs the network: the last of {@link #pathway}. */
    public final Tensor forward(Tensor images) {
        List<Tensor> activations = pathway(images);
        return activations.get(activations.size() - 1);
    }

    /**
     * The activations of every layer, first layer first, the last being the output; what RaPP
     * compares between an image and its reconstruction (Kim et al. 2020).
     */
    public abstract List<Tensor> pathway(Tensor images);
}
