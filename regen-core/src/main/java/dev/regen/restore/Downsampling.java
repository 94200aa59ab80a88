package dev.regen.restore;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

/** Lower resolution: each {@code factor} x {@code factor} block of pixels becomes its mean (area downsampling). */
public record Downsampling(int factor) implements Corruption {
    @Override
    public Damaged apply(float[] clean, int offset, ImageShape shape, long seed) {
        ImageShape small = damagedShape(shape);
        float[] out = new float[small.size()];
        float area = factor * factor;
        for (int c = 0; c < shape.channels(); c++) {
            for (int y = 0; y < small.height(); y++) {
                for (int x = 0; x < small.width(); x++) {
                    float sum = 0;
                    for (int dy = 0; dy < factor; dy++) {
                        int row = offset + (c * shape.height() + y * factor + dy) * shape.width() + x * factor;
                        for (int dx = 0; dx < factor; dx++) {
                            sum += clean[row + dx];
                        }
                    }
                    out[(c * small.height() + y) * small.width() + x] = sum / area;
                }
            }
        }
        return new Damaged(out, small, null);
    }

    @Override
    public ImageShape damagedShape(ImageShape shape) {
        if (shape.height() % factor != 0 || shape.width() % factor != 0) {
            throw new RegenException("cannot downsample " + shape.height() + "x" + shape.width() + " images by "
                    + factor + ": height and width must be multiples of the factor");
        }
        return new ImageShape(shape.channels(), shape.height() / factor, shape.width() / factor);
    }

    @Override
    public Task task() {
        return Task.SUPERRES;
    }

    @Override
    public String toString() {
        return "down:" + factor;
    }
}
