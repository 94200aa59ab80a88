package dev.regen.model;

import dev.regen.nn.Noise;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * The diagonal Gaussian q(z|x) = N(mean, exp(logVar)), each [B, latent].
 *
 * @param mean   posterior means
 * @param logVar posterior log-variances
 */
public record Posterior(Tensor mean, Tensor logVar) {

    /** A reparameterised sample mean + sigma * eps (Kingma and Welling 2014, eq. 10), eps drawn by the engine. */
    public Tensor sample() {
        return sample(Noise.normalLike(mean));
    }

    /** The reparameterised sample for given standard-normal noise {@code eps}. */
    public Tensor sample(Tensor eps) {
        return mean.add(logVar.mul(scalar(0.5)).exp().mul(eps));
    }

    /**
     * KL(q(z|x) || N(0, I)) per latent dimension, [B, latent]; closed form from Kingma and
     * Welling 2014, appendix B: -1/2 (1 + log sigma^2 - mu^2 - sigma^2).
     */
    public Tensor klPerDimension() {
        return logVar.add(scalar(1.0)).sub(mean.square()).sub(logVar.exp()).mul(scalar(-0.5));
    }

    /** E_q[log q(z|x)] per image [B]: minus the entropy, -1/2 sum(1 + log 2 pi + log sigma^2). */
    public Tensor negativeEntropy() {
        return logVar.add(scalar(1.0 + Math.log(2 * Math.PI))).sum(1).mul(scalar(-0.5));
    }
}
