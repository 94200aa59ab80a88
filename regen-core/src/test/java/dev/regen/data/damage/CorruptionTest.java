package dev.regen.data.damage;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.eval.metric.ImageQuality;
import dev.regen.io.ImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Corruptions and image quality on plain arrays: closed forms, determinism, bad specs and masks. */
class CorruptionTest {
    private static final ImageShape GREY = new ImageShape(1, 28, 28);

    @TempDir
    Path temp;

    private static float[] constant(ImageShape shape, float value) {
        float[] pixels = new float[shape.size()];
        Arrays.fill(pixels, value);
        return pixels;
    }

    @Test
    void gaussianNoiseHasItsSigmaAndIsDeterministicForASeed() {
        ImageShape big = new ImageShape(1, 200, 200);
        float[] grey = constant(big, 0.5f);
        Damaged a = new GaussianNoise(0.1).apply(grey, 0, big, 7L);
        assertArrayEquals(a.pixels(), new GaussianNoise(0.1).apply(grey, 0, big, 7L).pixels());
        assertFalse(Arrays.equals(a.pixels(), new GaussianNoise(0.1).apply(grey, 0, big, 8L).pixels()));
        double sum = 0;
        double squares = 0;
        for (float v : a.pixels()) {
            sum += v - 0.5;
            squares += (v - 0.5) * (v - 0.5);
        }
        double mean = sum / big.size();
        double sd = Math.sqrt(squares / big.size() - mean * mean);
        assertEquals(0.0, mean, 0.002);
        assertEquals(0.1, sd, 0.002);
    }

    @Test
    void downsamplingAveragesBlocksAndRefusesSizesThatDoNotDivide() {
        ImageShape shape = new ImageShape(1, 2, 4);
        Damaged d = new Downsampling(2).apply(new float[]{0, 1, 1, 1, 1, 0, 1, 1}, 0, shape, 0L);
        assertEquals(new ImageShape(1, 1, 2), d.shape());
        assertArrayEquals(new float[]{0.5f, 1f}, d.pixels());
        RegenException e = assertThrows(RegenException.class, () -> new Downsampling(3).damagedShape(GREY));
        assertTrue(e.getMessage().contains("multiples of the factor"), e.getMessage());
    }

    @Test
    void aCentreBoxHidesExactlyItsPixelsInEveryChannel() {
        ImageShape rgb = new ImageShape(3, 28, 28);
        Damaged d = new Masking(new Mask.CentreBox(14)).apply(constant(rgb, 0.8f), 0, rgb, 0L);
        int missing = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                boolean inside = y >= 7 && y < 21 && x >= 7 && x < 21;
                assertEquals(inside ? 0f : 1f, d.known()[y * 28 + x]);
                missing += inside ? 1 : 0;
                for (int c = 0; c < 3; c++) {
                    assertEquals(inside ? 0f : 0.8f, d.pixels()[c * 784 + y * 28 + x]);
                }
            }
        }
        assertEquals(196, missing);
    }

    @Test
    void randomMasksAreDeterministicForASeed() {
        Mask strokes = new Mask.Strokes(2, 3);
        assertArrayEquals(strokes.known(28, 28, 5L), strokes.known(28, 28, 5L));
        assertFalse(Arrays.equals(strokes.known(28, 28, 5L), strokes.known(28, 28, 6L)));
        float[] boxes = new Mask.RandomBoxes(1, 5).known(28, 28, 3L);
        double missing = 0;
        for (float k : boxes) {
            missing += 1 - k;
        }
        assertEquals(25, missing);
    }

    @Test
    void aMaskImageMustMatchTheImageAndBeBlackAndWhite() {
        Path ok = temp.resolve("ok.png");
        float[] mask = new float[4 * 4];
        mask[5] = 1f;
        ImageWriter.writePng(mask, new ImageShape(1, 4, 4), ok);
        float[] known = Mask.FromImage.read(ok).known(4, 4, 0L);
        float[] expected = constant(new ImageShape(1, 4, 4), 1f);
        expected[5] = 0f;
        assertArrayEquals(expected, known);
        RegenException size = assertThrows(RegenException.class, () -> Mask.FromImage.read(ok).known(28, 28, 0L));
        assertTrue(size.getMessage().contains("is 4x4 but the image is 28x28"), size.getMessage());
        Path grey = temp.resolve("grey.png");
        mask[6] = 0.5f;
        ImageWriter.writePng(mask, new ImageShape(1, 4, 4), grey);
        RegenException notBw = assertThrows(RegenException.class, () -> Mask.FromImage.read(grey).known(4, 4, 0L));
        assertTrue(notBw.getMessage().contains("not black and white"), notBw.getMessage());
    }

    @Test
    void specsParseAndBadOnesSayWhatIsAccepted() {
        assertEquals(new GaussianNoise(0.3), Corruptions.parse("noise:0.3"));
        assertEquals(new Masking(new Mask.CentreBox(14)), Corruptions.parse("box:14"));
        assertEquals(new Masking(new Mask.RandomBoxes(3, 8)), Corruptions.parse("boxes:3x8"));
        assertEquals(new Downsampling(2), Corruptions.parse("down:2"));
        assertEquals(Task.DEBLUR, Corruptions.parse("blur:1.5").task());
        for (String bad : new String[]{"fog:1", "noise", "noise:-1", "boxes:3", "down:1", "box:x"}) {
            RegenException e = assertThrows(RegenException.class, () -> Corruptions.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertTrue(assertThrows(RegenException.class, () -> Corruptions.parse("mask:/no/such.png")).getMessage()
                .contains("does not exist"));
    }

    @Test
    void blurKeepsConstantImagesAndItsKernelSumsToOne() {
        float[] kernel = new Blur(1.0).kernel();
        double sum = 0;
        for (float k : kernel) {
            sum += k;
        }
        assertEquals(1.0, sum, 1e-6);
        assertEquals(7, kernel.length);
        Damaged d = new Blur(1.0).apply(constant(GREY, 0.4f), 0, GREY, 0L);
        for (float v : d.pixels()) {
            assertEquals(0.4f, v, 1e-6);
        }
    }

    @Test
    void psnrAndSsimHaveTheirClosedForms() {
        float[] a = constant(GREY, 0.5f);
        float[] b = constant(GREY, 0.6f);
        assertEquals(20.0, ImageQuality.psnr(a, b, 0, GREY), 1e-4);
        assertEquals(ImageQuality.MAX_PSNR, ImageQuality.psnr(a, a, 0, GREY));
        assertEquals(1.0, ImageQuality.ssim(b, b, 0, GREY), 1e-9);
        // Constant images: only the luminance term differs from 1.
        assertEquals((2 * 0.5 * 0.6 + 1e-4) / (0.25 + 0.36 + 1e-4), ImageQuality.ssim(a, b, 0, GREY), 1e-6);
        float[] noisy = new GaussianNoise(0.2).apply(b, 0, GREY, 1L).pixels();
        assertTrue(ImageQuality.ssim(b, noisy, 0, GREY) < 0.5);
    }
}
