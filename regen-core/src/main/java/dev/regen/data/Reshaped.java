package dev.regen.data;

import dev.regen.config.ImageShape;

/** A dataset whose images are converted on read to another channel count and size. */
public final class Reshaped implements ImageDataset {
    private final ImageDataset base;
    private final ImageShape shape;

    /** Wraps {@code base} so that every image comes out with {@code shape}. */
    public Reshaped(ImageDataset base, ImageShape shape) {
        this.base = base;
        this.shape = shape;
    }

    /** {@code base} itself when it already has {@code shape}, else a converting view. */
    public static ImageDataset to(ImageDataset base, ImageShape shape) {
        return base.shape().equals(shape) ? base : new Reshaped(base, shape);
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        float[] original = new float[base.shape().size()];
        base.read(index, original, 0);
        float[] converted = PixelOps.convert(original, base.shape(), shape);
        System.arraycopy(converted, 0, dst, offset, converted.length);
    }

    @Override
    public int classes() {
        return base.classes();
    }

    @Override
    public int label(int index) {
        return base.label(index);
    }

    @Override
    public String source() {
        return base.source() + " resized to " + shape;
    }
}
