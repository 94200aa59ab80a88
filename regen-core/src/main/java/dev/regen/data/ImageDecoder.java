package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.ImageShape;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Decodes PNG, JPEG, BMP, GIF and TIFF files (the JDK's ImageIO readers) and WebP files (the
 * TwelveMonkeys plugin on the class path) into channels-first floats in [0, 1].
 */
public final class ImageDecoder {
    /** The formats read, for messages. */
    public static final String FORMATS = "PNG, JPEG, BMP, GIF, TIFF or WebP";
    /** Where a BMP file's info header starts with its own size, at least 40 bytes when it has the fields below. */
    private static final int BMP_INFO_SIZE_AT = 14;
    private static final int BMP_INFO_SIZE = 40;
    /** Where a BMP info header of 40 bytes or more holds the size of the compressed image data. */
    private static final int BMP_DATA_SIZE_AT = 34;

    private ImageDecoder() {
    }

    /** Decodes {@code path}, transparent pixels composited onto white. */
    public static Decoded read(Path path) {
        return read(path, Background.WHITE);
    }

    /**
     * Decodes {@code path}; grey images give one channel, colour images (palette ones included)
     * three, and pixels with alpha are composited onto {@code background}. The size is checked
     * from the header first, so that a corrupt or hostile header cannot make the decoder allocate
     * a giant raster.
     */
    public static Decoded read(Path path, Background background) {
        if (!Files.isRegularFile(path)) {
            throw new RegenException("no such image file: " + path);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new RegenException("cannot read image " + path + ": " + detail(e), e);
        }
        return decode(path, bytes, background);
    }

    /**
     * Decodes the file {@code bytes} (an upload, say) as {@link #read(Path, Background)} decodes a
     * file; {@code source} names it in messages.
     */
    public static Decoded decode(Object source, byte[] bytes, Background background) {
        BufferedImage image;
        try {
            checkBmpDataSize(source, bytes);
            image = decodeImage(source, bytes);
        } catch (RegenException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders report corrupt data with whatever exception they meet, not only IOException.
            throw new RegenException("cannot decode image " + source + ": " + detail(e), e);
        }
        try {
            return fromImage(image, background);
        } catch (RegenException e) {
            throw new RegenException("cannot decode image " + source + ": " + e.getMessage(), e);
        }
    }

    private static BufferedImage decodeImage(Object source, byte[] bytes) throws IOException {
        try (ImageInputStream in = new GuardedImageInput(bytes)) {
            ImageReader reader = reader(in);
            if (reader == null) {
                throw new RegenException("cannot decode image " + source + ": not a " + FORMATS + " file");
            }
            try {
                DeclaredShape.checkSize(source, reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * The width and height the header of the file {@code bytes} declares, read without decoding a
     * pixel (so that a server can refuse a decompression bomb by its size), or null when no
     * installed reader recognises the file.
     */
    public static Dimension declaredSize(byte[] bytes) {
        try (ImageInputStream in = new GuardedImageInput(bytes)) {
            ImageReader reader = reader(in);
            if (reader == null) {
                return null;
            }
            try {
                return new Dimension(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The JDK's BMP reader allocates the image-data size its header declares (for run-length and
     * embedded JPEG or PNG data) before it reads a byte of it: a size beyond the file is refused
     * first.
     */
    private static void checkBmpDataSize(Object source, byte[] bytes) {
        if (bytes.length < BMP_DATA_SIZE_AT + Integer.BYTES || bytes[0] != 'B' || bytes[1] != 'M') {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long declared = Integer.toUnsignedLong(b.getInt(BMP_DATA_SIZE_AT));
        if (b.getInt(BMP_INFO_SIZE_AT) >= BMP_INFO_SIZE && declared > bytes.length) {
            throw new RegenException("cannot decode image " + source + ": its BMP header declares " + declared
                    + " bytes of image data, more than the file's " + bytes.length);
        }
    }

    /** A decoder's message, on one line, or the exception's name where it gave none. */
    private static String detail(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.strip().replaceAll("\\s+", " ");
    }

    /** The first installed reader that recognises the stream, set to read it, or null. */
    private static ImageReader reader(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        // Forward only and without metadata, as ImageIO.read reads.
        reader.setInput(in, true, true);
        return reader;
    }

    /** Converts a decoded AWT image, transparent pixels composited onto {@code background}. */
    public static Decoded fromImage(BufferedImage image, Background background) {
        boolean grey = image.getColorModel().getNumColorComponents() == 1;
        boolean alpha = image.getColorModel().hasAlpha();
        int h = image.getHeight();
        int w = image.getWidth();
        // Grey with alpha over a coloured background is a colour image.
        int channels = grey && !(alpha && !background.isGrey()) ? 1 : 3;
        ImageShape shape = new ImageShape(channels, h, w);
        float[] pixels = new float[shape.size()];
        int plane = h * w;
        if (grey) {
            // Integer samples run from 0 to 2^bits - 1 (bits up to 32, as in TIFF); float samples
            // are already in [0, 1], or beyond it in HDR files.
            var raster = image.getRaster();
            int type = raster.getDataBuffer().getDataType();
            boolean floating = type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
            double max = floating ? 1 : (1L << image.getColorModel().getComponentSize(0)) - 1;
            double alphaMax = alpha && !floating ? (1L << image.getColorModel().getComponentSize(1)) - 1 : 1;
            boolean premultiplied = image.isAlphaPremultiplied();
            double[] under = channels == 1 ? new double[]{background.grey()} : rgb(background);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = floating ? raster.getSampleDouble(x, y, 0)
                            : Integer.toUnsignedLong(raster.getSample(x, y, 0));
                    if (Double.isNaN(v)) {
                        throw new RegenException("pixel (" + x + ", " + y + ") is not a number");
                    }
                    double value = Math.min(1, Math.max(0, v / max));
                    if (alpha) {
                        double a = raster.getSampleDouble(x, y, 1) / alphaMax;
                        if (Double.isNaN(a)) {
                            throw new RegenException("the alpha of pixel (" + x + ", " + y + ") is not a number");
                        }
                        a = Math.min(1, Math.max(0, a));
                        for (int c = 0; c < channels; c++) {
                            pixels[c * plane + y * w + x] = over(value, a, premultiplied, under[c]);
                        }
                        continue;
                    }
                    pixels[y * w + x] = (float) value;
                }
            }
        } else if (isDeepRgb(image)) {
            // 16-bit colour: the samples themselves, since getRGB would cut them to 8 bits.
            var raster = image.getRaster();
            ColorModel model = image.getColorModel();
            double[] under = rgb(background);
            double alphaMax = alpha ? (1L << model.getComponentSize(3)) - 1 : 1;
            double[] max = new double[3];
            for (int c = 0; c < 3; c++) {
                max[c] = (1L << model.getComponentSize(c)) - 1;
            }
            boolean premultiplied = image.isAlphaPremultiplied();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double a = alpha ? raster.getSample(x, y, 3) / alphaMax : 1;
                    for (int c = 0; c < 3; c++) {
                        pixels[c * plane + y * w + x] = over(raster.getSample(x, y, c) / max[c], a, premultiplied,
                                under[c]);
                    }
                }
            }
        } else {
            double[] under = rgb(background);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = image.getRGB(x, y);   // sRGB, not premultiplied, whatever the file's layout
                    float a = alpha ? (argb >>> 24) / 255f : 1f;
                    for (int c = 0; c < 3; c++) {
                        int shift = 16 - 8 * c;   // red, green, blue
                        pixels[c * plane + y * w + x] = over(((argb >> shift) & 0xff) / 255f, a, false, under[c]);
                    }
                }
            }
        }
        return new Decoded(shape, pixels);
    }

    /** Whether the image holds sRGB samples of more than 8 bits in separate bands (a 16-bit colour PNG or TIFF). */
    private static boolean isDeepRgb(BufferedImage image) {
        ColorModel model = image.getColorModel();
        return model instanceof ComponentColorModel && model.getColorSpace().isCS_sRGB()
                && model.getTransferType() == DataBuffer.TYPE_USHORT && image.getRaster().getNumBands() >= 3;
    }

    /**
     * Porter and Duff's "over": a colour of opacity {@code alpha} over an opaque background;
     * premultiplied samples already hold alpha x colour.
     */
    private static float over(double colour, double alpha, boolean premultiplied, double background) {
        return (float) ((premultiplied ? colour : alpha * colour) + (1 - alpha) * background);
    }

    private static double[] rgb(Background background) {
        return new double[]{background.red(), background.green(), background.blue()};
    }

    /**
     * Reads only the header of {@code path}: its shape, or null when no installed reader can
     * decode it or its size is out of range. Cheap enough to check every file of a large folder.
     */
    public static ImageShape probe(Path path) {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            ImageReader reader = in == null ? null : reader(in);
            if (reader == null) {
                return null;
            }
            try {
                ImageTypeSpecifier type = reader.getRawImageType(0);
                int channels = type == null || type.getColorModel().getNumColorComponents() != 1 ? 3 : 1;
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
