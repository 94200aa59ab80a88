package dev.regen.restore;

import dev.regen.config.ImageShape;

/**
 * A way of damaging images, deterministic for a seed. The same objects damage images for
 * {@code regen corrupt}, make training inputs for task-trained models, and describe the observation
 * that restoration inverts.
 */
public sealed interface Corruption permits GaussianNoise, SaltAndPepper, Masking, Downsampling, Blur {
    /** Damages one image of {@code shape} starting at {@code offset} of {@code clean}. */
    Damaged apply(float[] clean, int offset, ImageShape shape, long seed);

    /** The restoration task that undoes this damage. */
    Task task();

    /** The shape of a damaged image made from an original of {@code shape}. */
    default ImageShape damagedShape(ImageShape shape) {
        return shape;
    }

    /** The restoration tasks, one per family of damage. */
    enum Task {
        /** Remove noise. */
        DENOISE,
        /** Fill in missing pixels. */
        INPAINT,
        /** Undo downsampling. */
        SUPERRES,
        /** Undo blur. */
        DEBLUR
    }

    /** Clamps {@code v} to [0, 1], the range every stored image has. */
    static float clamp(double v) {
        return (float) Math.max(0.0, Math.min(1.0, v));
    }
}
