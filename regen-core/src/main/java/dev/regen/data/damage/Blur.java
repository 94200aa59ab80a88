package dev.regen.data.damage;

import dev.regen.config.Check;
import dev.regen.config.ImageShape;

import java.util.List;

/** Gaussian blur of standard deviation {@code sigma} pixels, edges replicated. */
public record Blur(double sigma) implements Corruption {
    /** Validates the range. */
    public Blur {
        Check.range("blur sigma", sigma, 0.1, 100.0);
    }

    /** Blur a user knows to be of {@code sigma} pixels. */
    public static Blur of(double sigma) {
        Check.range("sigma", sigma, 0.1, 10);
        return new Blur(sigma);
    }

    static Blur parse(Spec spec) {
        return new Blur(spec.real(0.1, 100));
    }

    @Override
    public Damaged apply(float[] clean, int offset, ImageShape shape, long seed) {
        float[] kernel = kernel();
        int radius = kernel.length / 2;
        int h = shape.height();
        int w = shape.width();
        float[] rows = new float[shape.size()];
        float[] out = new float[shape.size()];
        for (int c = 0; c < shape.channels(); c++) {
            int plane = c * h * w;
            // Separable: along each row, then along each column.
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        sum += kernel[k + radius] * clean[offset + plane + y * w + Math.max(0, Math.min(w - 1, x + k))];
                    }
                    rows[plane + y * w + x] = sum;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        sum += kernel[k + radius] * rows[plane + Math.max(0, Math.min(h - 1, y + k)) * w + x];
                    }
                    out[plane + y * w + x] = sum;
                }
            }
        }
        return new Damaged(out, shape, null);
    }

    /** The normalised 1-D kernel, 2 ceil(3 sigma) + 1 taps. */
    public float[] kernel() {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        return kernel;
    }

    @Override
    public Damaged observation(float[] pixels, ImageShape shape) {
        return new Damaged(pixels, shape, null);
    }

    @Override
    public ImageShape damagedShape(ImageShape shape) {
        return shape;
    }

    @Override
    public Task task() {
        return Task.DEBLUR;
    }

    @Override
    public <T> T forward(ObservationOps<T> ops, T images) {
        return ops.blur(images, kernel());
    }

    @Override
    public <T> T consistent(ObservationOps<T> ops, T images) {
        return images;
    }

    @Override
    public <T> T initialGuess(ObservationOps<T> ops) {
        return ops.observed();
    }

    @Override
    public boolean keepsExactValues() {
        return false;
    }

    @Override
    public Misfit misfit() {
        return Misfit.exact();
    }

    /** Unsharp masking with the damage's own blur. */
    @Override
    public List<Baseline> baselines() {
        return List.of(new Baseline(Baseline.Kind.UNSHARP, sigma));
    }

    @Override
    public String spec() {
        return "blur:" + sigma;
    }

    @Override
    public String toString() {
        return spec();
    }
}
