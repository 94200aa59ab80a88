package dev.regen.server;

import dev.regen.config.ImageShape;
import dev.regen.io.ImageGrid;
import dev.regen.io.ImageWriter;

import java.util.Base64;

/** Images as the page receives them: PNG bytes, or PNG data URLs inside JSON. */
final class Pngs {
    private Pngs() {
    }

    /** One image of {@code shape}, channels first in [0, 1], as PNG bytes. */
    static byte[] image(float[] pixels, ImageShape shape) {
        return ImageWriter.pngBytes(ImageWriter.toImage(pixels, 0, shape));
    }

    /** {@code count} images in rows of {@code columns}, at their own size (the page magnifies them). */
    static byte[] grid(float[] pixels, int count, ImageShape shape, int columns) {
        return ImageWriter.pngBytes(ImageGrid.render(pixels, count, shape, columns, 1));
    }

    /** PNG bytes as a {@code data:} URL. */
    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
