package dev.regen.data.damage;

import dev.regen.config.ImageShape;

import java.util.List;

/**
 * A way of damaging images, deterministic for a seed, and everything restoration needs to know of
 * it. The same objects damage images for {@code regen corrupt}, make training inputs for
 * task-trained models, and describe the observation that restoration inverts.
 *
 * <p>Each kind states its whole behaviour here, with no default: what it does to an image (on
 * arrays, and on any engine's tensors through {@link ObservationOps}), what an observation of it
 * knows, which classical methods address it, and how it is written. A new kind does not compile
 * until it has said all of that; the kinds of {@link Noise} share what pointwise noise does.
 */
public sealed interface Corruption permits Noise, Masking, Downsampling, Blur {
    /** Damages one image of {@code shape} starting at {@code offset} of {@code clean}. */
    Damaged apply(float[] clean, int offset, ImageShape shape, long seed);

    /**
     * An image a user brings, damaged this way, with what is known of its damage (for missing
     * pixels: which ones, at the image's own size).
     */
    Damaged observation(float[] pixels, ImageShape shape);

    /** The shape of a damaged image made from an original of {@code shape}. */
    ImageShape damagedShape(ImageShape shape);

    /** The restoration task that undoes this damage. */
    Task task();

    /** A(x): the deterministic part of the damage applied to clean images, without its noise. */
    <T> T forward(ObservationOps<T> ops, T images);

    /**
     * Restorations made to agree with what the observation gives exactly (known pixels, block
     * means); restorations unchanged where it gives nothing exactly.
     */
    <T> T consistent(ObservationOps<T> ops, T images);

    /** A first guess at the original, at its size, from the observation alone. */
    <T> T initialGuess(ObservationOps<T> ops);

    /**
     * Whether part of the original survives the damage exactly, so that a projection can be
     * refined by putting it back and encoding again.
     */
    boolean keepsExactValues();

    /** -log p(y | x) of an observation y of a clean image x, up to a constant. */
    Misfit misfit();

    /** The classical methods a user would reach for against this damage. */
    List<Baseline> baselines();

    /** The written form, {@code kind:parameters}, that {@link Corruptions#parse} reads back. */
    String spec();

    /** Clamps {@code v} to [0, 1], the range every stored image has. */
    static float clamp(double v) {
        return (float) Math.max(0.0, Math.min(1.0, v));
    }
}
