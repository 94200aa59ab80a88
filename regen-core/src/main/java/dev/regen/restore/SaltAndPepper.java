package dev.regen.restore;

import dev.regen.config.ImageShape;

import java.util.SplittableRandom;

/** Impulse noise: each value becomes 0 or 1 (equally likely) with probability {@code rate}. */
public record SaltAndPepper(double rate) implements Corruption {
    @Override
    public Damaged apply(float[] clean, int offset, ImageShape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[shape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextDouble() < rate ? (random.nextBoolean() ? 1f : 0f) : clean[offset + i];
        }
        return new Damaged(out, shape, null);
    }

    @Override
    public Task task() {
        return Task.DENOISE;
    }

    @Override
    public String toString() {
        return "salt-pepper:" + rate;
    }
}
