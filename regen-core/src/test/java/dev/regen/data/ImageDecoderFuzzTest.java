package dev.regen.data;

import dev.regen.Fuzz;
import net.jqwik.api.Example;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the image decoder, as image folders, single images and the CLI's inputs use it: probing
 * the header (which must never throw) and decoding, from seeds of every format it reads.
 */
class ImageDecoderFuzzTest {
    /**
     * A header may claim up to 4096 x 4096 pixels, which the decoder then allocates before it finds
     * the data missing: a 16-bit RGBA raster (128 MiB), an ARGB copy (64 MiB) and three float planes
     * (192 MiB). More than that is a giant allocation.
     */
    static final long ALLOCATION_LIMIT = 448L << 20;

    /** A small image with a gradient in each channel, so that every format has real data to mangle. */
    static BufferedImage gradient(int type) {
        BufferedImage image = new BufferedImage(12, 10, type);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 12; x++) {
                image.setRGB(x, y, (x * 20) << 16 | (y * 25) << 8 | (x + y) * 10);
            }
        }
        return image;
    }

    /** {@code image} written as {@code format}, with the writer's named compression or, when null, its default. */
    static byte[] encode(BufferedImage image, String format, String compression) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] resource(String name) {
        try (InputStream in = ImageDecoderFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Example
    void imagesAreDecodedOrRefused() {
        List<byte[]> seeds = new ArrayList<>();
        BufferedImage rgb = gradient(BufferedImage.TYPE_INT_RGB);
        for (String format : List.of("png", "jpg", "bmp", "gif", "tiff")) {
            seeds.add(encode(rgb, format, null));
        }
        for (int type : new int[]{BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY,
                BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_INDEXED}) {
            seeds.add(encode(gradient(type), "png", null));
        }
        for (String compression : List.of("LZW", "Deflate", "PackBits", "JPEG")) {
            seeds.add(encode(rgb, "tiff", compression));
        }
        seeds.add(encode(gradient(BufferedImage.TYPE_USHORT_GRAY), "tiff", null));
        seeds.add(encode(gradient(BufferedImage.TYPE_BYTE_INDEXED), "bmp", "BI_RLE8"));
        seeds.add(resource("/images/three-colours.webp"));
        seeds.add(resource("/images/three-colours-lossless.webp"));
        Fuzz.run("image", Fuzz.mutants(seeds), "input.img", ALLOCATION_LIMIT, file -> {
            ImageDecoder.probe(file);
            ImageDecoder.read(file);
        });
    }
}
