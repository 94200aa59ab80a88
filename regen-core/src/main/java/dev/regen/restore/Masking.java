package dev.regen.restore;

import dev.regen.config.ImageShape;

/** Missing pixels: where {@code mask} says so, every channel of the pixel is lost (stored as 0). */
public record Masking(Mask mask) implements Corruption {
    @Override
    public Damaged apply(float[] clean, int offset, ImageShape shape, long seed) {
        float[] known = mask.known(shape.height(), shape.width(), seed);
        int plane = shape.height() * shape.width();
        float[] out = new float[shape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = clean[offset + i] * known[i % plane];
        }
        return new Damaged(out, shape, known);
    }

    @Override
    public Task task() {
        return Task.INPAINT;
    }

    @Override
    public String toString() {
        return mask.toString();
    }
}
