package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/** Decodes PNG, JPEG, BMP and GIF files into channels-first floats in [0, 1]. */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /** Decodes {@code path}; grey images give one channel, colour images three (alpha is dropped). */
    public static Decoded read(Path path) {
        BufferedImage image;
        try {
            image = ImageIO.read(path.toFile());
        } catch (IOException | RuntimeException e) {
            throw new RegenException("cannot decode image " + path + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new RegenException("cannot decode image " + path + ": not a PNG, JPEG, BMP or GIF file");
        }
        return fromImage(image);
    }

    /** Converts a decoded AWT image. */
    public static Decoded fromImage(BufferedImage image) {
        boolean grey = image.getColorModel().getNumColorComponents() == 1;
        int h = image.getHeight();
        int w = image.getWidth();
        ImageShape shape = new ImageShape(grey ? 1 : 3, h, w);
        float[] pixels = new float[shape.size()];
        int plane = h * w;
        if (grey) {
            var raster = image.getRaster();
            int bits = image.getColorModel().getComponentSize(0);
            float max = (1 << bits) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    pixels[y * w + x] = raster.getSample(x, y, 0) / max;
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    pixels[y * w + x] = ((rgb >> 16) & 0xff) / 255f;
                    pixels[plane + y * w + x] = ((rgb >> 8) & 0xff) / 255f;
                    pixels[2 * plane + y * w + x] = (rgb & 0xff) / 255f;
                }
            }
        }
        return new Decoded(shape, pixels);
    }

    /**
     * Reads only the header of {@code path}: its shape, or null when no installed reader can
     * decode it. Cheap enough to check every file of a large folder.
     */
    public static ImageShape probe(Path path) {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int channels = reader.getRawImageType(0) == null
                        ? 3 : reader.getRawImageType(0).getColorModel().getNumColorComponents() == 1 ? 1 : 3;
                return new ImageShape(channels, reader.getHeight(0), reader.getWidth(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * One decoded image.
     *
     * @param shape  its shape
     * @param pixels channels-first values in [0, 1]
     */
    public record Decoded(ImageShape shape, float[] pixels) {
    }
}
