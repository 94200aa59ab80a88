package dev.regen.sample;

import dev.regen.WorkProgress;
import dev.regen.config.Check;
import dev.regen.config.ImageShape;
import dev.regen.data.damage.Misfit;
import dev.regen.model.Generative;
import dev.regen.model.Vae;
import dev.regen.nn.FrozenWeights;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;

import java.util.Arrays;
import java.util.Optional;

import static dev.regen.nn.Tensors.scalar;

/**
 * How images get their latent codes. Through the model's encoder where it has one: the posterior
 * mean of a VAE, or of the VAE inside a VAE-GAN. A GAN has none, so its generator is inverted: the
 * code z minimising |G(z) - x|^2 / (2 sigma^2) + |z|^2 / 2, the negative log posterior of z with the
 * image as an exact observation (sigma {@value Misfit#EXACT_SCALE}, as restoration takes exact
 * pixels), found by {@link LatentDescent} (Creswell and Bharath 2018, "Inverting the generator of
 * a generative adversarial network"; Zhu et al. 2016, "Generative visual manipulation on the
 * natural image manifold").
 *
 * @param restarts     starts per image of the inversion, the lowest energy kept
 * @param steps        Adam steps from each start
 * @param learningRate Adam's step size in latent space
 * @param seed         seed of the starts, so that the same images get the same codes
 */
public record Inversion(int restarts, int steps, double learningRate, long seed) {
    /** Images inverted at once, each with its restarts. */
    private static final int BATCH = 64;

    /** Validates the ranges. */
    public Inversion {
        Check.range("restarts", restarts, 1, 1000);
        Check.range("steps", steps, 1, 100_000);
        Check.range("learning rate", learningRate, 1e-6, 10);
    }

    /** 2 restarts of 300 steps at rate 0.05, seed 1. */
    public static Inversion defaults() {
        return new Inversion(2, 300, 0.05, 1);
    }

    /**
     * The codes [n x latent] of {@code n} images of the model's shape, in evaluation mode.
     *
     * @param labels   the images' labels for a conditional model, else null
     * @param progress told the number of images finished out of {@code n}
     */
    public float[] codes(Generative model, float[] images, int[] labels, int n, WorkProgress progress) {
        Optional<Vae> encoder = model.autoencoder();
        model.evaluationMode(true);
        try {
            if (encoder.isPresent()) {
                float[] codes = Sampler.encode(encoder.get(), images, labels, n);
                progress.progress(n, n);
                return codes;
            }
            return inverted(model, images, labels, n, progress);
        } finally {
            model.evaluationMode(false);
        }
    }

    private float[] inverted(Generative model, float[] images, int[] labels, int n, WorkProgress progress) {
        ImageShape shape = model.config().shape();
        int size = shape.size();
        int latent = model.config().latent();
        float[] codes = new float[n * latent];
        double precision = 1 / (2 * Misfit.EXACT_SCALE * Misfit.EXACT_SCALE);
        Torch.seed(seed);
        try (FrozenWeights frozen = new FrozenWeights(model.network().parameters())) {
            for (int start = 0; start < n; start += BATCH) {
                int count = Math.min(BATCH, n - start);
                try (PointerScope scope = new PointerScope()) {
                    Tensor x = Tensors.images(Arrays.copyOfRange(images, start * size, (start + count) * size), count,
                            shape).repeat_interleave(restarts, new LongOptional(0), new LongOptional());
                    Tensor y = Tensors.labels(model.config(), repeated(labels, start, count), count * restarts);
                    Tensor best = LatentDescent.search(model, count, restarts, steps, learningRate,
                            z -> model.generate(z, y).sub(x).square().sum(new long[]{1, 2, 3})
                                    .mul(scalar(precision)).sub(model.logPrior(z)), null, step -> { });
                    System.arraycopy(Tensors.floats(best), 0, codes, start * latent, count * latent);
                }
                progress.progress(start + count, n);
            }
        }
        return codes;
    }

    /** Labels {@code start} to {@code start + count}, each repeated for its restarts; null stays null. */
    private int[] repeated(int[] labels, int start, int count) {
        if (labels == null) {
            return null;
        }
        int[] out = new int[count * restarts];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[start + i / restarts];
        }
        return out;
    }
}
