package dev.regen.model;

import org.bytedeco.pytorch.Tensor;

/**
 * The named parts of a VAE's training loss, each a scalar tensor averaged over the batch, in nats per image.
 *
 * @param total          the objective minimised: reconstruction + beta * (free-bits) KL
 * @param reconstruction -E_q[log p(x|z)], one sample
 * @param kl             KL(q(z|x) || p(z)), without free bits or beta
 * @param logits         the decoder's logits for the posterior sample, [B, C, H, W]
 */
public record VaeLoss(Tensor total, Tensor reconstruction, Tensor kl, Tensor logits) {
    /** The negative ELBO, reconstruction + KL, in nats per image. */
    public double negativeElbo() {
        return reconstruction.item_double() + kl.item_double();
    }
}
