package dev.regen.restore;

import dev.regen.config.ImageShape;

import java.util.SplittableRandom;

/**
 * Additive white Gaussian noise of standard deviation {@code sigma} (pixel values in [0, 1]),
 * clamped back to [0, 1] as any stored image would be.
 */
public record GaussianNoise(double sigma) implements Corruption {
    @Override
    public Damaged apply(float[] clean, int offset, ImageShape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[shape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Corruption.clamp(clean[offset + i] + sigma * Gaussians.next(random));
        }
        return new Damaged(out, shape, null);
    }

    @Override
    public Task task() {
        return Task.DENOISE;
    }

    @Override
    public String toString() {
        return "noise:" + sigma;
    }
}
