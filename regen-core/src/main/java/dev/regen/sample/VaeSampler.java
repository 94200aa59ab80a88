package dev.regen.sample;

import dev.regen.model.Vae;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Uses a trained VAE through plain arrays: images are channels first in [0, 1], one after the
 * other; latent codes are {@code latent} floats each.
 */
public final class VaeSampler {
    private VaeSampler() {
    }

    /** Standard-normal latent codes, seeded. */
    public static float[] priorCodes(Vae vae, int n, long seed) {
        Torch.seed(seed);
        try (PointerScope scope = new PointerScope()) {
            return Tensors.floats(torch.randn(n, vae.config().latent()));
        }
    }

    /** {@code n} new images decoded from seeded prior samples. */
    public static float[] sample(Vae vae, int n, long seed) {
        return decode(vae, priorCodes(vae, n, seed), n);
    }

    /** Posterior means of {@code n} images. */
    public static float[] encode(Vae vae, float[] images, int n) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            return Tensors.floats(vae.encode(Tensors.images(images, n, vae.config().shape())).mean());
        }
    }

    /** Mean images of {@code n} latent codes. */
    public static float[] decode(Vae vae, float[] codes, int n) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor z = Tensor.create(codes, n, vae.config().latent());
            return Tensors.floats(vae.decode(z));
        }
    }

    /** Reconstructions: each image encoded to its posterior mean and decoded. */
    public static float[] reconstruct(Vae vae, float[] images, int n) {
        return decode(vae, encode(vae, images, n), n);
    }
}
