package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.TestData;
import dev.regen.config.Background;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataSourceTest {
    @TempDir
    Path temp;

    @Test
    void idxFolderGivesItsOwnTestSetAndResizes() {
        DataSource.Prepared p = DataSource.prepare(new DataConfig(TestData.FASHION.toString(), 3, 32, 32, null, 0.1,
                false, Background.WHITE, null, 0, null), 1);
        assertEquals(10_000, p.split().train().size());
        assertEquals(2_000, p.split().test().size());
        assertEquals(new ImageShape(3, 32, 32), p.split().train().shape());
        assertEquals(new ImageShape(3, 32, 32), p.split().test().shape());
    }

    @Test
    void labelsKeepOnlyTheirImagesInBothSets() {
        DataSource.Prepared p = DataSource.prepare(new DataConfig(TestData.FASHION.toString(), 0, 0, 0, null, 0.1,
                false, null, List.of(7, 2), 0, null), 1);
        for (ImageDataset set : List.of(p.split().train(), p.split().test())) {
            assertTrue(set.size() > 0);
            for (int i = 0; i < set.size(); i++) {
                assertTrue(set.label(i) == 7 || set.label(i) == 2, "label " + set.label(i));
            }
        }
        // The sample's 2,000 test images hold about 200 of each class.
        int test = p.split().test().size();
        assertTrue(test > 300 && test < 500, "test images " + test);
        RegenException outOfRange = assertThrows(RegenException.class, () -> DataSource.prepare(
                new DataConfig(TestData.FASHION.toString(), 0, 0, 0, null, 0.1, false, null, List.of(10), 0, null), 1));
        assertTrue(outOfRange.getMessage().contains("labels 0 to 9"), outOfRange.getMessage());
    }

    @Test
    void singleFileWithoutTestSetIsSplitBySeed() {
        Path file = TestData.FASHION.resolve("t10k-images-idx3-ubyte.gz");
        Split a = DataSource.prepare(new DataConfig(file.toString(), 0, 0, 0, null, 0.25, false, null, null, 0,
                null), 3).split();
        Split b = DataSource.prepare(new DataConfig(file.toString(), 0, 0, 0, null, 0.25, false, null, null, 0,
                null), 3).split();
        assertEquals(500, a.test().size());
        assertEquals(1500, a.train().size());
        float[] x = new float[784];
        float[] y = new float[784];
        a.test().read(7, x, 0);
        b.test().read(7, y, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(x, y);
        assertEquals(10, a.train().classes(), "labels travel with the images");
    }

    @Test
    void missingPathIsOneClearLine() {
        RegenException e = assertThrows(RegenException.class,
                () -> DataSource.open(temp.resolve("nope"), own -> own, false, Background.WHITE));
        assertEquals("no such file or folder: " + temp.resolve("nope"), e.getMessage());
    }

    @Test
    void resizingKeepsMeanBrightnessRoughly() {
        ArrayDataset test = TestData.fashionTest();
        ImageDataset big = Reshaped.to(test, new ImageShape(1, 56, 56));
        float[] small = new float[784];
        float[] large = new float[56 * 56];
        test.read(3, small, 0);
        big.read(3, large, 0);
        assertEquals(mean(small), mean(large), 0.02);
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s / v.length;
    }

    @Test
    void aFolderOfTrainAndTestFoldersGivesBothSetsLabelledAlike() throws Exception {
        Path root = temp.resolve("design");
        writePng(root.resolve("train/animals/a.png"), 8, 8, 0xff336699);
        writePng(root.resolve("train/flags/b.png"), 8, 8, 0xff996633);
        writePng(root.resolve("train/food/c.png"), 8, 8, 0xff000000);
        writePng(root.resolve("test/food/d.png"), 8, 8, 0xffffffff);   // no test animals or flags
        Files.writeString(root.resolve("LICENSE"), "licence text beside the sets");
        DataSource.Prepared p = DataSource.prepare(DataConfig.of(root.toString()), 1);
        assertEquals(3, p.split().train().size());
        assertEquals(1, p.split().test().size());
        assertEquals(3, p.split().test().classes());
        assertEquals(2, p.split().test().label(0), "food is the training set's third class");

        writePng(root.resolve("test/plants/e.png"), 8, 8, 0xff00ff00);
        RegenException e = assertThrows(RegenException.class, () -> DataSource.prepare(DataConfig.of(root.toString()), 1));
        assertTrue(e.getMessage().contains("is in a class, plants, that the training images do not have"),
                e.getMessage());
    }

    @Test
    void perClassDrawsTheTrainingSetAndAddedImagesJoinIt() throws Exception {
        Path added = temp.resolve("synthetic");
        for (int label = 0; label < 10; label++) {
            writePng(added.resolve(label + "/s.png"), 14, 14, 0xff000000 | label * 0x101010);
        }
        DataConfig config = new DataConfig(TestData.FASHION.toString(), 0, 0, 0, null, 0.1, false, null, null, 5,
                added.toString());
        Split split = DataSource.prepare(config, 4).split();
        assertEquals(60, split.train().size(), "5 drawn of each of 10 classes, then 10 added");
        assertEquals(2_000, split.test().size(), "the test set stays whole");
        assertEquals(new ImageShape(1, 28, 28), split.train().shape(), "added images read at the data's shape");
        assertEquals(7, split.train().label(57), "the added folder named 7 holds label 7");
        for (int c = 0; c < 10; c++) {
            int cls = c;
            assertEquals(6, Arrays.stream(split.train().labels()).filter(l -> l == cls).count());
        }
        Split again = DataSource.prepare(config, 4).split();
        assertArrayEquals(split.train().read(0, 1, 2), again.train().read(0, 1, 2), "the draw follows the seed");

        Files.delete(added.resolve("9/s.png"));
        Files.delete(added.resolve("9"));
        RegenException e = assertThrows(RegenException.class, () -> DataSource.prepare(config, 4));
        assertTrue(e.getMessage().contains("has 9 classes") && e.getMessage().contains("labelled alike"),
                e.getMessage());
    }

    @Test
    void imagesOfOtherSizesAndChannelsAreConvertedAndCounted() throws Exception {
        Path folder = temp.resolve("mixed");
        writePng(folder.resolve("a.png"), 8, 8, 0xff336699);
        writePng(folder.resolve("b.png"), 16, 12, 0xff996633);
        BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        assertTrue(ImageIO.write(grey, "png", folder.resolve("c.png").toFile()));
        DataSource.Loaded loaded = DataSource.open(folder, own -> own, false, Background.WHITE);
        assertEquals(new ImageShape(3, 8, 8), loaded.train().shape(), "colour, since some images are");
        assertEquals(List.of("1 of 3 images resized to 8x8", "1 images of fewer channels expanded to 3"),
                loaded.adjustments());
    }

    @Test
    void theShippedEmojiSampleIsTwoDesignsOfTheSameLabelledColourImages() throws Exception {
        Path emoji = TestData.FASHION.resolveSibling("emoji");
        DataSource.Prepared google = DataSource.prepare(DataConfig.of(emoji.resolve("google").toString()), 1);
        DataSource.Prepared twitter = DataSource.prepare(DataConfig.of(emoji.resolve("twitter").toString()), 1);
        for (DataSource.Prepared design : List.of(google, twitter)) {
            assertEquals(new ImageShape(3, 64, 64), design.split().train().shape());
            assertEquals(400, design.split().train().size());
            assertEquals(95, design.split().test().size());
            assertEquals(9, design.split().train().classes());
        }
        assertEquals(files(emoji.resolve("google")), files(emoji.resolve("twitter")));
        // Transparent corners composite onto the background: white by default.
        float[] first = google.split().train().read(new int[]{0});
        assertEquals(1f, first[0], 1e-6f);
    }

    private static List<Path> files(Path design) throws Exception {
        try (var walk = Files.walk(design)) {
            return walk.filter(p -> p.toString().endsWith(".png")).map(design::relativize).sorted().toList();
        }
    }

    private static void writePng(Path file, int width, int height, int argb) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb);
            }
        }
        assertTrue(ImageIO.write(image, "png", file.toFile()));
    }
}
