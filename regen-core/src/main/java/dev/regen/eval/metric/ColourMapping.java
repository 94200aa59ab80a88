package dev.regen.eval.metric;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

/**
 * The baseline an edit must beat when an edit is mostly a change of colours (a skin tone, a
 * palette): a per-pixel colour mapping fitted on pairs of images before and after, as a lookup
 * table. Each input colour, quantised to {@value #BINS} levels per channel, maps to the mean target
 * colour of the training pixels of that colour; colours the pairs never show stay as they are.
 */
public final class ColourMapping {
    /** Quantisation levels per channel: 32 bins is 32,768 colours for RGB. */
    static final int BINS = 32;

    private final ImageShape shape;
    private final float[][] mapped;
    private final boolean[] seen;

    private ColourMapping(ImageShape shape, float[][] mapped, boolean[] seen) {
        this.shape = shape;
        this.mapped = mapped;
        this.seen = seen;
    }

    /**
     * Fits the table on {@code n} pairs of images of {@code shape}, {@code inputs[i]} before and
     * {@code targets[i]} after.
     */
    public static ColourMapping fit(float[] inputs, float[] targets, int n, ImageShape shape) {
        if (n < 1 || inputs.length != n * shape.size() || targets.length != inputs.length) {
            throw new RegenException("a colour mapping needs at least one pair of images of one size");
        }
        int channels = shape.channels();
        int cells = (int) Math.pow(BINS, channels);
        double[][] sums = new double[cells][channels];
        int[] counts = new int[cells];
        int plane = shape.height() * shape.width();
        for (int image = 0; image < n; image++) {
            for (int p = 0; p < plane; p++) {
                int cell = cell(inputs, image * shape.size() + p, plane, channels);
                counts[cell]++;
                for (int c = 0; c < channels; c++) {
                    sums[cell][c] += targets[image * shape.size() + c * plane + p];
                }
            }
        }
        float[][] mapped = new float[cells][channels];
        boolean[] seen = new boolean[cells];
        for (int cell = 0; cell < cells; cell++) {
            seen[cell] = counts[cell] > 0;
            for (int c = 0; c < channels && seen[cell]; c++) {
                mapped[cell][c] = (float) (sums[cell][c] / counts[cell]);
            }
        }
        return new ColourMapping(shape, mapped, seen);
    }

    /** {@code n} images of the fitted shape with every pixel's colour mapped. */
    public float[] apply(float[] images, int n) {
        if (images.length != n * shape.size()) {
            throw new RegenException("the colour mapping was fitted on " + shape + " images");
        }
        int plane = shape.height() * shape.width();
        float[] out = images.clone();
        for (int image = 0; image < n; image++) {
            for (int p = 0; p < plane; p++) {
                int base = image * shape.size() + p;
                int cell = cell(images, base, plane, shape.channels());
                for (int c = 0; c < shape.channels() && seen[cell]; c++) {
                    out[base + c * plane] = mapped[cell][c];
                }
            }
        }
        return out;
    }

    /** The table cell of the pixel whose first channel is at {@code first}, channels {@code plane} apart. */
    private static int cell(float[] images, int first, int plane, int channels) {
        int cell = 0;
        for (int c = 0; c < channels; c++) {
            float v = Math.max(0f, Math.min(1f, images[first + c * plane]));
            cell = cell * BINS + Math.min(BINS - 1, (int) (v * BINS));
        }
        return cell;
    }
}
