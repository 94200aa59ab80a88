package dev.regen.data.damage;

import dev.regen.config.ImageShape;

/**
 * Damage that perturbs every value on its own and keeps the image's size: the forward operator is
 * the identity, nothing of the original survives exactly, and the damaged image is the first
 * guess. Its kinds differ in the noise itself, its misfit and their baselines.
 */
public sealed interface Noise extends Corruption permits GaussianNoise, SaltAndPepper {
    @Override
    default Damaged observation(float[] pixels, ImageShape shape) {
        return new Damaged(pixels, shape, null);
    }

    @Override
    default ImageShape damagedShape(ImageShape shape) {
        return shape;
    }

    @Override
    default Task task() {
        return Task.DENOISE;
    }

    @Override
    default <T> T forward(ObservationOps<T> ops, T images) {
        return images;
    }

    @Override
    default <T> T consistent(ObservationOps<T> ops, T images) {
        return images;
    }

    @Override
    default <T> T initialGuess(ObservationOps<T> ops) {
        return ops.observed();
    }

    @Override
    default boolean keepsExactValues() {
        return false;
    }
}
