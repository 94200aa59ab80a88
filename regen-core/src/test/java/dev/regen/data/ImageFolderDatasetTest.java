package dev.regen.data;

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
        ImageFolderDataset data = ImageFolderDataset.open(temp, own -> new ImageShape(3, 4, 4), false);
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
    void colourBecomesGreyWithLumaWeights() throws Exception {
        image(temp.resolve("x.png"), 4, 4, 0xff0000, "png");
        ImageFolderDataset data = ImageFolderDataset.open(temp, own -> new ImageShape(1, 4, 4), false);
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
        ImageFolderDataset data = ImageFolderDataset.open(temp, own -> own, false);
        assertEquals(1, data.size());
        assertEquals(2, data.skipped());
        RegenException e = assertThrows(RegenException.class, () -> ImageFolderDataset.open(temp, own -> own, true));
        assertTrue(e.getMessage().contains("--strict"), e.getMessage());
    }

    @Test
    void folderWithoutImagesIsRejected() throws Exception {
        Files.writeString(temp.resolve("readme.md"), "nothing here");
        RegenException e = assertThrows(RegenException.class, () -> ImageFolderDataset.open(temp, own -> own, false));
        assertTrue(e.getMessage().contains("no readable images"), e.getMessage());
    }
}
