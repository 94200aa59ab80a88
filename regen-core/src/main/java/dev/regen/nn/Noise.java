package dev.regen.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The random noise a training step draws per image (a VAE's reparameterisation noise, a GAN's
 * latent codes, the gradient penalty's mixing weights, DiffAugment's draws). In a data-parallel
 * step each process holds only its rows of the global batch; it draws the noise of the whole
 * global batch from the step's seed, as one process would, and keeps its own rows, so that the
 * training is the same whatever the number of processes. Outside a shard (one process, or
 * evaluation) the draws are the engine's own, unchanged.
 */
public final class Noise {
    private static volatile Shard shard;

    private Noise() {
    }

    /**
     * The rows {@code [start, start + count)} of a global batch of {@code total} images that this
     * process trains on in the current step.
     */
    public record Shard(int start, int count, int total) {
        /** This process's share of the global batch: the weight of its gradients. */
        public double share() {
            return (double) count / total;
        }
    }

    /** Sets the current step's shard, or null when the step holds the whole batch. */
    public static void shard(Shard current) {
        shard = current;
    }

    /** The current step's shard, or null. */
    public static Shard shard() {
        return shard;
    }

    /** Standard-normal noise of {@code like}'s shape, its first dimension the images (or k rows per image). */
    public static Tensor normalLike(Tensor like) {
        return shard == null ? torch.randn_like(like) : rows(torch.randn(globalShape(like.sizes().vec().get()),
                Torch.options()),
                like.size(0));
    }

    /** Standard-normal noise [rows, ...]. */
    public static Tensor normal(long... shape) {
        return shard == null ? torch.randn(shape, Torch.options())
                : rows(torch.randn(globalShape(shape), Torch.options()), shape[0]);
    }

    /** Uniform noise in [0, 1) [rows, ...]. */
    public static Tensor uniform(long... shape) {
        return shard == null ? torch.rand(shape, Torch.options())
                : rows(torch.rand(globalShape(shape), Torch.options()), shape[0]);
    }

    /** {@code shape} with its rows scaled from this process's images to the global batch's. */
    private static long[] globalShape(long[] shape) {
        long[] global = shape.clone();
        global[0] = shape[0] / shard.count() * shard.total();
        return global;
    }

    private static Tensor rows(Tensor global, long rows) {
        long perImage = rows / shard.count();
        return global.narrow(0, shard.start() * perImage, rows).contiguous();
    }
}
