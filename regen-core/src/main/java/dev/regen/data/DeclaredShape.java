package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

/**
 * What a file's header declares: the image shape, and the pixel array for all its images, each
 * refused in one line that names the file. {@link ImageShape} alone names only the field.
 */
final class DeclaredShape {
    private DeclaredShape() {
    }

    /** The shape, or a refusal that names {@code source} and the shape it declares. */
    static ImageShape of(Object source, int channels, int height, int width) {
        try {
            return new ImageShape(channels, height, width);
        } catch (RegenException e) {
            throw new RegenException(source + " holds images of " + channels + " x " + height + " x " + width
                    + " (channels x height x width): " + e.getMessage(), e);
        }
    }

    /** Checks the size of the one image in {@code source} before it is decoded. */
    static void checkSize(Object source, int width, int height) {
        try {
            new ImageShape(1, height, width);
        } catch (RegenException e) {
            throw new RegenException(source + " is " + width + " x " + height + " pixels: " + e.getMessage(), e);
        }
    }

    /**
     * The array for {@code count} pixel values, refused before it is allocated when it could not
     * fit this JVM's heap at all (an out-of-memory error says nothing of the file or of -Xmx).
     */
    static float[] pixels(Object source, long count) {
        checkFits(source, count, Float.BYTES, "floats");
        return new float[(int) count];
    }

    /** The array for {@code count} 8-bit pixel levels, refused as {@link #pixels} refuses. */
    static byte[] levels(Object source, long count) {
        checkFits(source, count, 1, "bytes");
        return new byte[(int) count];
    }

    private static void checkFits(Object source, long count, int bytesPerValue, String kind) {
        long bytes = count * bytesPerValue;
        long heap = Runtime.getRuntime().maxMemory();
        if (count > FileBytes.MAX_BYTES || bytes > heap) {
            throw new RegenException(source + " holds " + count + " pixel values, " + (bytes >> 20) + " MiB as " + kind
                    + ", more than the " + (heap >> 20) + " MiB this Java process may use (java -Xmx sets it)");
        }
    }
}
