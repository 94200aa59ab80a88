package dev.regen.data.damage;

import dev.regen.RegenException;
import dev.regen.config.Check;
import dev.regen.config.ImageShape;

import java.util.List;

/** Lower resolution: each {@code factor} x {@code factor} block of pixels becomes its mean (area downsampling). */
public record Downsampling(int factor) implements Corruption {
    /** Validates the range. */
    public Downsampling {
        Check.range("downsampling factor", factor, 2, 64);
    }

    /** Images {@code factor} times smaller than the original. */
    public static Downsampling of(int factor) {
        return new Downsampling(factor);
    }

    static Downsampling parse(Spec spec) {
        return new Downsampling(spec.whole(2, 64));
    }

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
    public Damaged observation(float[] pixels, ImageShape shape) {
        return new Damaged(pixels, shape, null);
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
    public <T> T forward(ObservationOps<T> ops, T images) {
        return ops.averagePool(images, factor);
    }

    /** Each block shifted by its error, so that its mean is the observed one. */
    @Override
    public <T> T consistent(ObservationOps<T> ops, T images) {
        return ops.matchBlockMeans(images, factor);
    }

    @Override
    public <T> T initialGuess(ObservationOps<T> ops) {
        return ops.enlarge(ops.observed(), factor);
    }

    @Override
    public boolean keepsExactValues() {
        return true;
    }

    @Override
    public Misfit misfit() {
        return Misfit.exact();
    }

    @Override
    public List<Baseline> baselines() {
        return List.of(Baseline.of(Baseline.Kind.NEAREST), Baseline.of(Baseline.Kind.BICUBIC));
    }

    @Override
    public String spec() {
        return "down:" + factor;
    }

    @Override
    public String toString() {
        return spec();
    }
}
