package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

/**
 * Images held in memory in one flat array, optionally labelled: floats, or 8-bit levels read as
 * level / 255, which hold an 8-bit source (IDX files) in a quarter of the memory and give the same
 * values.
 */
public final class ArrayDataset implements ImageDataset {
    private final ImageShape shape;
    private final Pixels pixels;
    private final int[] labels;
    private final int classes;
    private final String source;

    /**
     * @param shape  shape of each image
     * @param pixels all images one after the other, channels first, in [0, 1]
     * @param labels one label per image, or null when unlabelled
     * @param source description of the origin
     */
    public ArrayDataset(ImageShape shape, float[] pixels, int[] labels, String source) {
        this(shape, new FloatPixels(pixels), labels, source);
    }

    /**
     * Images of 8-bit levels.
     *
     * @param levels all images one after the other, channels first, levels 0..255 as unsigned bytes
     * @see #ArrayDataset(ImageShape, float[], int[], String)
     */
    public static ArrayDataset ofLevels(ImageShape shape, byte[] levels, int[] labels, String source) {
        return new ArrayDataset(shape, new ByteLevels(levels), labels, source);
    }

    private ArrayDataset(ImageShape shape, Pixels pixels, int[] labels, String source) {
        if (pixels.length() % shape.size() != 0) {
            throw new IllegalArgumentException("pixel count " + pixels.length() + " is not a multiple of " + shape);
        }
        int count = pixels.length() / shape.size();
        if (count == 0) {
            throw new RegenException(source + " holds no images");
        }
        if (labels != null && labels.length != count) {
            throw new RegenException(source + " has " + labels.length + " labels for " + count + " images");
        }
        this.shape = shape;
        this.pixels = pixels;
        this.labels = labels;
        this.classes = labels == null ? 0 : maxPlusOne(labels);
        this.source = source;
    }

    private static int maxPlusOne(int[] labels) {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int size() {
        return pixels.length() / shape.size();
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        int n = shape.size();
        pixels.copy(index * n, dst, offset, n);
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int label(int index) {
        return labels == null ? -1 : labels[index];
    }

    @Override
    public String source() {
        return source;
    }

    /** Where the pixel values live. */
    private sealed interface Pixels {
        int length();

        /** Copies values {@code from .. from + n - 1} into {@code dst} from {@code offset} as floats in [0, 1]. */
        void copy(int from, float[] dst, int offset, int n);
    }

    private record FloatPixels(float[] values) implements Pixels {
        @Override
        public int length() {
            return values.length;
        }

        @Override
        public void copy(int from, float[] dst, int offset, int n) {
            System.arraycopy(values, from, dst, offset, n);
        }
    }

    private record ByteLevels(byte[] levels) implements Pixels {
        private static final float LEVELS = 255f;

        @Override
        public int length() {
            return levels.length;
        }

        @Override
        public void copy(int from, float[] dst, int offset, int n) {
            for (int i = 0; i < n; i++) {
                dst[offset + i] = (levels[from + i] & 0xff) / LEVELS;
            }
        }
    }
}
