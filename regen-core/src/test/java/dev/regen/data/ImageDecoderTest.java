package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {
    @TempDir
    Path temp;

    @Test
    void sixteenBitGreyTiffKeepsItsLevels() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        int[] levels = {0, 1, 255, 256, 32768, 65535};
        image.getRaster().setPixels(0, 0, 3, 2, levels);
        Path file = temp.resolve("deep.tiff");
        assertTrue(ImageIO.write(image, "tiff", file.toFile()));
        ImageDecoder.Decoded decoded = ImageDecoder.read(file);
        assertEquals(new ImageShape(1, 2, 3), decoded.shape());
        for (int i = 0; i < levels.length; i++) {
            assertEquals((float) (levels[i] / 65535.0), decoded.pixels()[i]);
        }
    }

    @Test
    void floatGreyTiffIsTakenAsIsAndClipped() throws Exception {
        var model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        WritableRaster raster = model.createCompatibleWritableRaster(4, 1);
        raster.setPixels(0, 0, 4, 1, new float[]{0f, 0.25f, 1f, 3f});
        Path file = temp.resolve("hdr.tif");
        assertTrue(ImageIO.write(new BufferedImage(model, raster, false, null), "tiff", file.toFile()));
        float[] pixels = ImageDecoder.read(file).pixels();
        assertEquals(0f, pixels[0]);
        assertEquals(0.25f, pixels[1]);
        assertEquals(1f, pixels[2]);
        assertEquals(1f, pixels[3], "HDR values above 1 are clipped");
    }

    @Test
    void oversizedHeaderIsRefusedBeforeDecoding() throws Exception {
        // A real 1 x 1 PNG whose header then claims 100000 x 100000 pixels: were the decoder to
        // allocate that raster, it would need 10 GB.
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", png);
        byte[] bytes = png.toByteArray();
        ByteBuffer.wrap(bytes).putInt(16, 100_000).putInt(20, 100_000);
        Path file = Files.write(temp.resolve("huge.png"), bytes);
        RegenException e = assertThrows(RegenException.class, () -> ImageDecoder.read(file));
        assertEquals(file + " is 100000 x 100000 pixels: height must be between 1 and 4096, got 100000",
                e.getMessage());
    }

    @Test
    void losslessWebpThatSendsTheDecoderPastItsEndIsRefused() throws Exception {
        // Found by ImageDecoderFuzzTest: TwelveMonkeys' VP8L decoder took each end of this corrupt
        // file as more bits to come and never returned.
        Path file = temp.resolve("looping.webp");
        try (var in = ImageDecoderTest.class.getResourceAsStream("/images/looping-lossless.webp")) {
            Files.copy(in, file);
        }
        RegenException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(RegenException.class, () -> ImageDecoder.read(file)));
        assertEquals("cannot decode image " + file + ": the decoder reads on past the end of the data", e.getMessage());
    }

    @Test
    void bmpDeclaringMoreDataThanItHoldsIsRefusedBeforeTheDecoderAllocatesIt() throws Exception {
        // Found by MaskFuzzTest: the JDK's BMP reader allocated the 864 MiB this 1 KiB file declared.
        ByteArrayOutputStream bmp = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 12, BufferedImage.TYPE_BYTE_GRAY), "bmp", bmp);
        byte[] bytes = bmp.toByteArray();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(30, 1).putInt(34, 0x36000000);
        Path file = Files.write(temp.resolve("rle.bmp"), bytes);
        RegenException e = assertThrows(RegenException.class, () -> ImageDecoder.read(file));
        assertEquals("cannot decode image " + file + ": its BMP header declares 905969664 bytes of image data, more "
                + "than the file's " + bytes.length, e.getMessage());
    }

    @Test
    void missingAndForeignFilesAreNamed() throws Exception {
        Path none = temp.resolve("none.png");
        assertEquals("no such image file: " + none,
                assertThrows(RegenException.class, () -> ImageDecoder.read(none)).getMessage());
        Path text = Files.writeString(temp.resolve("notes.png"), "not an image");
        assertEquals("cannot decode image " + text + ": not a " + ImageDecoder.FORMATS + " file",
                assertThrows(RegenException.class, () -> ImageDecoder.read(text)).getMessage());
    }
}
