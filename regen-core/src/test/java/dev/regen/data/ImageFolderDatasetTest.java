package dev.regen.data;

import dev.regen.config.Background;
import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFolderDatasetTest {
    @TempDir
    Path temp;

    private static void image(Path file, int w, int h, int rgb, String format) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(img, format, file.toFile());
    }

    @Test
    void subFoldersAreLabelsAndImagesAreConvertedToTheRequestedShape() throws Exception {
        image(temp.resolve("cats/a.png"), 10, 8, 0xff0000, "png");
        image(temp.resolve("cats/b.jpg"), 12, 12, 0x00ff00, "jpg");
        image(temp.resolve("dogs/c.bmp"), 6, 6, 0x0000ff, "bmp");
        ImageFolderDataset data = ImageFolderDataset.open(temp, own -> new ImageShape(3, 4, 4), false, Background.WHITE);
        assertEquals(3, data.size());
        assertEquals(2, data.classes());
        assertEquals(java.util.List.of("cats", "dogs"), data.classNames());
        assertEquals(0, data.label(0));
        assertEquals(1, data.label(2));
        float[] pixels = new float[48];
        data.read(0, pixels, 0);
        assertEquals(1f, pixels[0], 1e-6);      // red plane
        assertEquals(0f, pixels[16], 1e-6);     // green plane
        data.read(2, pixels, 0);
        assertEquals(1f, pixels[32], 1e-6);     // blue plane
    }

    @Test
    void linkedFoldersAreReadAndALinkLoopIsOneClearError() throws Exception {
        image(temp.resolve("real/cats/a.png"), 4, 4, 0xff0000, "png");
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.createSymbolicLink(data.resolve("cats"), temp.resolve("real/cats"));
        ImageFolderDataset linked = ImageFolderDataset.open(data, own -> own, false, Background.WHITE);
        assertEquals(1, linked.size());
        assertEquals("cats", linked.classNames().get(0));
        Files.createSymbolicLink(temp.resolve("real/cats/loop"), temp.resolve("real"));
        RegenException loop = assertThrows(RegenException.class,
                () -> ImageFolderDataset.open(data, own -> own, false, Background.WHITE));
        assertTrue(loop.getMessage().startsWith("cannot list " + data), loop.getMessage());
    }

    @Test
    void tiffAndWebpFilesAreRead() throws Exception {
        image(temp.resolve("a.tiff"), 16, 16, 0x336699, "tiff");
        // 16 x 16, lossy (cwebp -q 90): the top half (230, 40, 30), the bottom left (40, 200, 60),
        // the bottom right (30, 60, 220).
        try (var webp = ImageFolderDatasetTest.class.getResourceAsStream("/images/three-colours.webp")) {
            Files.copy(webp, temp.resolve("b.webp"));
        }
        ImageFolderDataset data = ImageFolderDataset.open(temp, own -> own, true, Background.WHITE);
        assertEquals(2, data.size());
        assertEquals(new ImageShape(3, 16, 16), data.shape());
        float[] pixels = new float[3 * 256];
        data.read(0, pixels, 0);
        assertEquals(0x33 / 255f, pixels[0], 1e-6, "TIFF is lossless");
        assertEquals(0x99 / 255f, pixels[2 * 256 + 255], 1e-6);
        data.read(1, pixels, 0);
        int[][] expected = {{230, 40, 30}, {40, 200, 60}, {30, 60, 220}};
        int[] probes = {2 * 16 + 4, 12 * 16 + 3, 12 * 16 + 12};
        for (int region = 0; region < 3; region++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[region][c] / 255f, pixels[c * 256 + probes[region]], 4 / 255f,
                        "region " + region + ", channel " + c);
            }
        }
    }

    @Test
    void colourBecomesGreyWithLumaWeights() throws Exception {
        image(temp.resolve("x.png"), 4, 4, 0xff0000, "png");
        ImageFolderDataset data = ImageFolderDataset.open(temp, own -> new ImageShape(1, 4, 4), false, Background.WHITE);
        assertEquals(-1, data.label(0));
        float[] pixels = new float[16];
        data.read(0, pixels, 0);
        assertEquals(0.299f, pixels[5], 1e-4);
    }

    @Test
    void unreadableFilesAreSkippedAndCountedOrRejectedInStrictMode() throws Exception {
        image(temp.resolve("good.png"), 4, 4, 0xffffff, "png");
        Files.writeString(temp.resolve("notes.txt"), "not an image");
        Files.write(temp.resolve("broken.png"), new byte[]{1, 2, 3, 4});
        ImageFolderDataset data = ImageFolderDataset.open(temp, own -> own, false, Background.WHITE);
        assertEquals(1, data.size());
        assertEquals(2, data.skipped());
        RegenException e = assertThrows(RegenException.class, () -> ImageFolderDataset.open(temp, own -> own, true, Background.WHITE));
        assertTrue(e.getMessage().contains("(strict mode)"), e.getMessage());
    }

    @Test
    void folderWithoutImagesIsRejected() throws Exception {
        Files.writeString(temp.resolve("readme.md"), "nothing here");
        RegenException e = assertThrows(RegenException.class, () -> ImageFolderDataset.open(temp, own -> own, false, Background.WHITE));
        assertTrue(e.getMessage().contains("no readable images"), e.getMessage());
    }
}
