package dev.regen.anomaly;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.io.ImageWriter;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * An image's complexity as the bits a lossless compressor needs for its 8-bit form: L(x) of Serra
 * et al. 2020, with PNG, one of the compressors they compare (FLIF did best there, and has no Java
 * encoder).
 */
final class PngComplexity {
    private PngComplexity() {
    }

    /** PNG bits of one channels-first image of {@code shape} in [0, 1]. */
    static double bits(float[] pixels, ImageShape shape) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(ImageWriter.toImage(pixels, 0, shape), "png", png);
        } catch (IOException e) {
            throw new RegenException("could not compress an image to PNG: " + e.getMessage());
        }
        return 8.0 * png.size();
    }
}
