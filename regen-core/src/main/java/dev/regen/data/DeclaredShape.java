package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

/**
 * The image shape a file's header declares. {@link ImageShape} refuses an out-of-range side with
 * the field's name only; a reader's user also needs to know which file declared it.
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
}
