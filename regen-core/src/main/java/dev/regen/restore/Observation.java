package dev.regen.restore;

import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * A batch of damaged images and the damage as a differentiable map A from clean images to what
 * was observed, so that restoration can ask how well a candidate x explains the observation y.
 *
 * <p>The misfit is -log p(y | x) up to a constant: Gaussian with the noise's own sigma for
 * Gaussian noise, Laplace for salt-and-pepper noise (impulses are outliers that a squared error
 * would chase), and a Gaussian of {@link #EXACT_SCALE} where the observation is exact but for
 * 8-bit rounding and the model's own error (masks, downsampling, blur).
 */
final class Observation {
    /** Assumed error of an otherwise exact observation, in pixel units. */
    static final double EXACT_SCALE = 0.05;
    /** Scale of the Laplace misfit for impulse noise. */
    static final double IMPULSE_SCALE = 0.1;
    private static final long[] PIXEL_DIMS = {1, 2, 3};

    private final Corruption corruption;
    private final Tensor observed;
    private final Tensor known;

    /**
     * @param observed the damaged images [B, C, h, w]
     * @param known    [B, 1, H, W] with 1 where pixels were observed, or null when all were
     */
    Observation(Corruption corruption, Tensor observed, Tensor known) {
        this.corruption = corruption;
        this.observed = observed;
        this.known = known;
    }

    /** The same observation with each image repeated {@code k} times in place (for restarts and chains). */
    Observation repeated(int k) {
        return new Observation(corruption, repeatRows(observed, k), known == null ? null : repeatRows(known, k));
    }

    /** A(x): what the damage makes of clean images [B, C, H, W]. */
    Tensor damage(Tensor images) {
        if (corruption instanceof Masking) {
            return images.mul(known);
        }
        if (corruption instanceof Downsampling d) {
            return torch.avg_pool2d(images, d.factor(), d.factor());
        }
        return corruption instanceof Blur b ? blur(images, b) : images;
    }

    /** -log p(y | x) per image [B], up to a constant. */
    Tensor misfit(Tensor images) {
        Tensor residual = damage(images).sub(observed);
        if (corruption instanceof SaltAndPepper) {
            return residual.abs().sum(PIXEL_DIMS).div(scalar(IMPULSE_SCALE));
        }
        double scale = corruption instanceof GaussianNoise n ? n.sigma() : EXACT_SCALE;
        return residual.square().sum(PIXEL_DIMS).div(scalar(2 * scale * scale));
    }

    /**
     * Makes restorations agree with what was observed exactly: known pixels are put back, and a
     * super-resolved image gets the observed block means back (each block shifted by its error).
     */
    Tensor consistent(Tensor images) {
        if (corruption instanceof Masking) {
            return images.mul(known.neg().add(scalar(1.0))).add(observed.mul(known));
        }
        if (corruption instanceof Downsampling d) {
            return torch.clamp_max(torch.clamp_min(images.add(upsample(observed.sub(damage(images)), d.factor())),
                    scalar(0.0)), scalar(1.0));
        }
        return images;
    }

    /** A first guess at model size: the damaged image itself, or its nearest-neighbour enlargement. */
    Tensor initialGuess() {
        return corruption instanceof Downsampling d ? upsample(observed, d.factor()) : observed;
    }

    private static Tensor upsample(Tensor images, int factor) {
        return repeatDim(repeatDim(images, factor, 2), factor, 3);
    }

    private static Tensor blur(Tensor images, Blur b) {
        float[] taps = b.kernel();
        int radius = taps.length / 2;
        long channels = images.size(1);
        Tensor kernel = Tensor.create(taps, taps.length);
        Tensor rows = kernel.reshape(1, 1, 1, taps.length).expand(channels, 1, 1, taps.length).contiguous();
        Tensor cols = kernel.reshape(1, 1, taps.length, 1).expand(channels, 1, taps.length, 1).contiguous();
        Tensor padded = torch.replication_pad2d(images, radius, radius, radius, radius);
        Tensor h = torch.conv2d(padded, rows, new TensorOptional(), new long[]{1, 1}, new long[]{0, 0},
                new long[]{1, 1}, channels);
        return torch.conv2d(h, cols, new TensorOptional(), new long[]{1, 1}, new long[]{0, 0}, new long[]{1, 1},
                channels);
    }

    private static Tensor repeatRows(Tensor t, int k) {
        return repeatDim(t, k, 0);
    }

    /** repeat_interleave along {@code dim}; without a dim the engine would flatten (see ARCHITECTURE.md). */
    private static Tensor repeatDim(Tensor t, int k, long dim) {
        return t.repeat_interleave(k, new LongOptional(dim), new LongOptional());
    }
}
