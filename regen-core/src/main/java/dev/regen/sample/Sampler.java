package dev.regen.sample;

import dev.regen.config.TranslationDirection;
import dev.regen.model.Generative;
import dev.regen.model.Posterior;
import dev.regen.model.Translator;
import dev.regen.model.Vae;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Uses a trained model through plain arrays: images are channels first in [0, 1], one after the
 * other; latent codes are {@code latent} floats each; labels are one int per image, or null for an
 * unconditional model.
 */
public final class Sampler {
    private Sampler() {
    }

    /**
     * Labels for {@code n} images of a conditional model shown in rows of {@code columns}: {@code label}
     * for all of them when given, else class {@code r mod classes} for row r; null for an
     * unconditional model, which takes none. The engine checks the labels' range when it reads them.
     */
    public static int[] rowLabels(Generative model, int n, int columns, Integer label) {
        if (!model.config().conditional()) {
            return null;
        }
        if (label != null) {
            int[] same = new int[n];
            Arrays.fill(same, label);
            return same;
        }
        return IntStream.range(0, n).map(i -> (i / columns) % model.config().classes()).toArray();
    }

    /** Latent codes drawn from the model's prior, seeded. */
    public static float[] priorCodes(Generative model, int n, long seed) {
        Torch.seed(seed);
        try (PointerScope scope = new PointerScope()) {
            return Tensors.floats(model.samplePrior(n));
        }
    }

    /** {@code n} new images generated from seeded prior samples. */
    public static float[] sample(Generative model, int n, long seed, int[] labels) {
        return decode(model, priorCodes(model, n, seed), labels, n);
    }

    /** Images of {@code n} latent codes, in evaluation mode. */
    public static float[] decode(Generative model, float[] codes, int[] labels, int n) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            model.evaluationMode(true);
            Tensor z = Torch.toDevice(Tensor.create(codes, n, model.config().latent()));
            return Tensors.floats(model.generate(z, Tensors.labels(model.config(), labels, n)));
        } finally {
            model.evaluationMode(false);
        }
    }

    /** Posterior means of {@code n} images (with their labels for a conditional VAE). */
    public static float[] encode(Vae vae, float[] images, int[] labels, int n) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor x = Tensors.images(images, n, vae.config().shape());
            return Tensors.floats(vae.encode(x, Tensors.labels(vae.config(), labels, n)).mean());
        }
    }

    /**
     * The codes of images' posteriors q(z | x), from one encoder pass.
     *
     * @param means the posterior means
     * @param draws one seeded draw from each posterior
     */
    public record PosteriorCodes(float[] means, float[] draws) {
    }

    /** The posterior means of {@code n} images (labelled for a conditional VAE) and a seeded draw from each. */
    public static PosteriorCodes posteriorCodes(Vae vae, float[] images, int[] labels, int n, long seed) {
        Torch.seed(seed);
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor x = Tensors.images(images, n, vae.config().shape());
            Posterior posterior = vae.encode(x, Tensors.labels(vae.config(), labels, n));
            return new PosteriorCodes(Tensors.floats(posterior.mean()), Tensors.floats(posterior.sample()));
        }
    }

    /**
     * {@code images} plus the decoded change {@code after - before}, clamped to [0, 1]: how an edit
     * or a variation keeps the detail of an image that the decoder does not reconstruct.
     */
    public static float[] withDecodedChange(float[] images, float[] after, float[] before) {
        float[] changed = new float[images.length];
        for (int i = 0; i < images.length; i++) {
            changed[i] = Math.max(0f, Math.min(1f, images[i] + after[i] - before[i]));
        }
        return changed;
    }

    /** Translations of {@code n} images of the direction's input shape, in evaluation mode. */
    public static float[] translate(Translator model, float[] images, int n, TranslationDirection direction) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            model.evaluationMode(true);
            return Tensors.floats(model.translate(Tensors.images(images, n, model.inputShape(direction)), direction));
        } finally {
            model.evaluationMode(false);
        }
    }

    /** Reconstructions: each image encoded to its posterior mean and decoded with the same label. */
    public static float[] reconstruct(Vae vae, float[] images, int[] labels, int n) {
        return decode(vae, encode(vae, images, labels, n), labels, n);
    }
}
