package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images with alpha are composited onto the background: out = alpha x colour + (1 - alpha) x background. */
class TransparencyTest {
    private static final float EPS = 1e-6f;

    @TempDir
    Path temp;

    @Test
    void rgbaPixelsAreCompositedOverTheBackground() throws Exception {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00ff0000);   // fully transparent red
        image.setRGB(1, 0, 0xffff0000);   // opaque red
        image.setRGB(2, 0, 0x80000000 | 0x00ff00);   // green at alpha 128/255
        Path file = temp.resolve("rgba.png");
        assertTrue(ImageIO.write(image, "png", file.toFile()));

        float[] white = ImageDecoder.read(file, Background.WHITE).pixels();
        assertEquals(3 * 3, white.length);
        assertPixel(white, 0, 1, 1, 1);
        assertPixel(white, 1, 1, 0, 0);
        float a = 128 / 255f;
        assertPixel(white, 2, 1 - a, 1, 1 - a);

        Background slate = Background.parse("#336699");
        float[] onSlate = ImageDecoder.read(file, slate).pixels();
        assertPixel(onSlate, 0, 0x33 / 255f, 0x66 / 255f, 0x99 / 255f);
        assertPixel(onSlate, 2, (1 - a) * 0x33 / 255f, a + (1 - a) * 0x66 / 255f, (1 - a) * 0x99 / 255f);
        assertPixel(ImageDecoder.read(file, Background.BLACK).pixels(), 0, 0, 0, 0);
    }

    @Test
    void greyWithAlphaIsCompositedOverTheBackgroundsLuma() throws Exception {
        // A grey-and-alpha PNG, written through a two-band grey raster: transparent, then opaque grey.
        BufferedImage grey = new BufferedImage(new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE),
                Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 2, 1, 2, null), false, null);
        grey.getRaster().setPixels(0, 0, 2, 1, new int[]{0, 0, 128, 255});
        Path file = temp.resolve("grey-alpha.png");
        assertTrue(ImageIO.write(grey, "png", file.toFile()));
        ImageDecoder.Decoded onGrey = ImageDecoder.read(file, Background.parse("#808080"));
        assertEquals(new ImageShape(1, 1, 2), onGrey.shape());
        assertEquals(128 / 255f, onGrey.pixels()[0], 1e-5f);
        assertEquals(128 / 255f, onGrey.pixels()[1], 1e-5f);
        // Over a coloured background the transparent pixel takes its colour: a colour image.
        ImageDecoder.Decoded onRed = ImageDecoder.read(file, Background.parse("#ff0000"));
        assertEquals(new ImageShape(3, 1, 2), onRed.shape());
        assertPixel(onRed.pixels(), 0, 1, 0, 0);
        assertPixel(onRed.pixels(), 1, 128 / 255f, 128 / 255f, 128 / 255f);
    }

    @Test
    void aPalettePngWithATransparentEntryIsCompositedToo() throws Exception {
        byte[] red = {(byte) 255, 0};
        byte[] green = {0, (byte) 255};
        byte[] blue = {0, 0};
        IndexColorModel palette = new IndexColorModel(1, 2, red, green, blue, 0);   // entry 0 transparent
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        image.getRaster().setPixels(0, 0, 2, 1, new int[]{0, 1});
        Path file = temp.resolve("palette.png");
        assertTrue(ImageIO.write(image, "png", file.toFile()));
        float[] pixels = ImageDecoder.read(file, Background.BLACK).pixels();
        assertPixel(pixels, 0, 0, 0, 0);
        assertPixel(pixels, 1, 0, 1, 0);
    }

    @Test
    void aSixteenBitColourPngReadsItsColours() throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage image = new BufferedImage(model, model.createCompatibleWritableRaster(2, 1), false, null);
        image.getRaster().setPixels(0, 0, 2, 1, new int[]{65535, 0, 32768, 0, 65535, 0});
        Path file = temp.resolve("deep-colour.png");
        assertTrue(ImageIO.write(image, "png", file.toFile()));
        ImageDecoder.Decoded decoded = ImageDecoder.read(file, Background.WHITE);
        assertEquals(new ImageShape(3, 1, 2), decoded.shape());
        assertPixel(decoded.pixels(), 0, 1, 0, 0.5f);
        assertPixel(decoded.pixels(), 1, 0, 1, 0);
    }

    @Test
    void backgroundsAreWrittenAsTheyAreParsed() {
        for (String name : new String[]{"white", "black", "#336699"}) {
            assertEquals(name, Background.parse(name).id());
        }
        assertEquals("background must be white, black or a colour #rrggbb, got 'pink'",
                assertThrows(RegenException.class, () -> Background.parse("pink")).getMessage());
    }

    /** Pixel {@code p} of a 3-channel image of one row. */
    private static void assertPixel(float[] pixels, int p, float r, float g, float b) {
        int plane = pixels.length / 3;
        assertEquals(r, pixels[p], 1e-3f + EPS, "red of " + p);
        assertEquals(g, pixels[plane + p], 1e-3f + EPS, "green of " + p);
        assertEquals(b, pixels[2 * plane + p], 1e-3f + EPS, "blue of " + p);
    }
}
