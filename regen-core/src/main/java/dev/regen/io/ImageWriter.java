package dev.regen.io;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes channels-first float images in [0, 1] as PNG files, atomically. */
public final class ImageWriter {
    private ImageWriter() {
    }

    /** Converts one image to an AWT image: one channel becomes grey, three or more become RGB. */
    public static BufferedImage toImage(float[] pixels, int offset, ImageShape shape) {
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        boolean grey = shape.channels() < 3;
        BufferedImage image = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = offset + y * w + x;
                if (grey) {
                    image.getRaster().setSample(x, y, 0, toByte(pixels[p]));
                } else {
                    int rgb = toByte(pixels[p]) << 16 | toByte(pixels[p + plane]) << 8 | toByte(pixels[p + 2 * plane]);
                    image.setRGB(x, y, rgb);
                }
            }
        }
        return image;
    }

    private static int toByte(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }

    /** Writes one image to {@code path} as PNG. */
    public static void writePng(float[] pixels, ImageShape shape, Path path) {
        writePng(toImage(pixels, 0, shape), path);
    }

    /** Writes an AWT image to {@code path} as PNG, through a temporary file renamed into place. */
    public static void writePng(BufferedImage image, Path path) {
        AtomicFiles.write(path, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** An AWT image as the bytes of a PNG file (for a response or a table rather than a file). */
    public static byte[] pngBytes(BufferedImage image) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new RegenException("cannot encode a PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Creates the parent folder of {@code path} when it is missing. */
    static void createParent(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new RegenException("cannot create folder for " + path + ": " + e.getMessage(), e);
        }
    }
}
