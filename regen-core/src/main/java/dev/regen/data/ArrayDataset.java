package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

/** Images held in one flat float array in memory, optionally labelled. */
public final class ArrayDataset implements ImageDataset {
    private final ImageShape shape;
    private final float[] pixels;
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
        if (pixels.length % shape.size() != 0) {
            throw new IllegalArgumentException("pixel count " + pixels.length + " is not a multiple of " + shape);
        }
        int count = pixels.length / shape.size();
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
        return pixels.length / shape.size();
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        int n = shape.size();
        System.arraycopy(pixels, index * n, dst, offset, n);
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
}
