package dev.regen.data;

import dev.regen.config.ImageShape;

/** A dataset whose images are converted on read to another channel count and size. */
public final class Reshaped extends DatasetView {
    private final ImageShape shape;

    /** Wraps {@code base} so that every image comes out with {@code shape}. */
    public Reshaped(ImageDataset base, ImageShape shape) {
        super(base);
        this.shape = shape;
    }

    /** {@code base} itself when it already has {@code shape}, else a converting view. */
    public static ImageDataset to(ImageDataset base, ImageShape shape) {
        return base.shape().equals(shape) ? base : new Reshaped(base, shape);
    }

    /** One image of shape {@code own}, resized (bilinear) and converted to {@code shape} as data reading does. */
    public static float[] image(float[] pixels, ImageShape own, ImageShape shape) {
        float[] converted = new float[shape.size()];
        to(new ArrayDataset(own, pixels, null, "image"), shape).read(0, converted, 0);
        return converted;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        float[] original = new float[base.shape().size()];
        base.read(index, original, 0);
        float[] converted = PixelOps.convert(original, base.shape(), shape);
        System.arraycopy(converted, 0, dst, offset, converted.length);
    }

    @Override
    public String source() {
        return base.source() + " resized to " + shape;
    }
}
