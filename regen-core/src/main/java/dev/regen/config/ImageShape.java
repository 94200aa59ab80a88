package dev.regen.config;

/**
 * The shape of one image, channels first.
 *
 * @param channels colour channels (1 grey, 3 RGB, or any other count)
 * @param height   rows of pixels
 * @param width    columns of pixels
 */
public record ImageShape(int channels, int height, int width) {
    /** Validates that every dimension is positive. */
    public ImageShape {
        Check.range("channels", channels, 1, 64);
        Check.range("height", height, 1, 4096);
        Check.range("width", width, 1, 4096);
    }

    /** Pixels times channels: the length of one image as a flat array. */
    public int size() {
        return channels * height * width;
    }

    /** The same size with {@code count} channels. */
    public ImageShape withChannels(int count) {
        return new ImageShape(count, height, width);
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
