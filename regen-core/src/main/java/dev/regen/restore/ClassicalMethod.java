package dev.regen.restore;

import dev.regen.config.ImageShape;
import dev.regen.data.damage.Damaged;

/**
 * A restoration method that needs no training, the kind a user would otherwise reach for.
 *
 * @param name   how tables and file names call it
 * @param method the method itself
 */
public record ClassicalMethod(String name, Method method) {
    /** What a classical method does to one damaged image. */
    @FunctionalInterface
    public interface Method {
        /** The restored image, of the {@code original} shape. */
        float[] restore(Damaged damaged, ImageShape original);
    }

    /** Restores one damaged image to the {@code original} shape. */
    public float[] restore(Damaged damaged, ImageShape original) {
        return method.restore(damaged, original);
    }
}
