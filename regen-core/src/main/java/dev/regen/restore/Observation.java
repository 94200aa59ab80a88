package dev.regen.restore;

import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Misfit;
import dev.regen.data.damage.ObservationOps;
import dev.regen.nn.Torch;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * A batch of damaged images and the damage as a differentiable map A from clean images to what
 * was observed, so that restoration can ask how well a candidate x explains the observation y.
 * The corruption says what A is, how to make a candidate consistent and what its misfit is; this
 * class runs those operations on tensors.
 */
final class Observation implements ObservationOps<Tensor> {
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
        return new Observation(corruption, repeatDim(observed, k, 0), known == null ? null : repeatDim(known, k, 0));
    }

    /** -log p(y | x) per image [B] of clean candidates [B, C, H, W], up to a constant. */
    Tensor misfit(Tensor images) {
        Tensor residual = corruption.forward(this, images).sub(observed);
        Misfit misfit = corruption.misfit();
        return switch (misfit.norm()) {
            case ABSOLUTE -> residual.abs().sum(PIXEL_DIMS).div(scalar(misfit.scale()));
            case SQUARED -> residual.square().sum(PIXEL_DIMS).div(scalar(2 * misfit.scale() * misfit.scale()));
        };
    }

    /** Restorations that agree with what was observed exactly. */
    Tensor consistent(Tensor images) {
        return corruption.consistent(this, images);
    }

    /** Whether the damage keeps part of the original exactly (see {@link Corruption#keepsExactValues()}). */
    boolean keepsExactValues() {
        return corruption.keepsExactValues();
    }

    /** A first guess at model size. */
    Tensor initialGuess() {
        return corruption.initialGuess(this);
    }

    @Override
    public Tensor observed() {
        return observed;
    }

    @Override
    public Tensor keepKnown(Tensor images) {
        return images.mul(known);
    }

    @Override
    public Tensor putBackKnown(Tensor images) {
        return images.mul(known.neg().add(scalar(1.0))).add(observed.mul(known));
    }

    @Override
    public Tensor averagePool(Tensor images, int factor) {
        return torch.avg_pool2d(images, factor, factor);
    }

    @Override
    public Tensor matchBlockMeans(Tensor images, int factor) {
        Tensor shifted = images.add(enlarge(observed.sub(averagePool(images, factor)), factor));
        return torch.clamp_max(torch.clamp_min(shifted, scalar(0.0)), scalar(1.0));
    }

    @Override
    public Tensor enlarge(Tensor images, int factor) {
        return repeatDim(repeatDim(images, factor, 2), factor, 3);
    }

    @Override
    public Tensor blur(Tensor images, float[] taps) {
        int radius = taps.length / 2;
        long channels = images.size(1);
        Tensor kernel = Torch.toDevice(Tensor.create(taps, taps.length));
        Tensor rows = kernel.reshape(1, 1, 1, taps.length).expand(channels, 1, 1, taps.length).contiguous();
        Tensor cols = kernel.reshape(1, 1, taps.length, 1).expand(channels, 1, taps.length, 1).contiguous();
        Tensor padded = torch.replication_pad2d(images, radius, radius, radius, radius);
        Tensor h = torch.conv2d(padded, rows, new TensorOptional(), new long[]{1, 1}, new long[]{0, 0},
                new long[]{1, 1}, channels);
        return torch.conv2d(h, cols, new TensorOptional(), new long[]{1, 1}, new long[]{0, 0}, new long[]{1, 1},
                channels);
    }

    /** repeat_interleave along {@code dim}; without a dim the engine would flatten (see ARCHITECTURE.md). */
    private static Tensor repeatDim(Tensor t, int k, long dim) {
        return t.repeat_interleave(k, new LongOptional(dim), new LongOptional());
    }
}
