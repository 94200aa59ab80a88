package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.TestData;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataSourceTest {
    @TempDir
    Path temp;

    @Test
    void idxFolderGivesItsOwnTestSetAndResizes() {
        DataSource.Prepared p = DataSource.prepare(new DataConfig(TestData.FASHION.toString(), 3, 32, 32, null, 0.1,
                false), 1);
        assertEquals(10_000, p.split().train().size());
        assertEquals(2_000, p.split().test().size());
        assertEquals(new ImageShape(3, 32, 32), p.split().train().shape());
        assertEquals(new ImageShape(3, 32, 32), p.split().test().shape());
    }

    @Test
    void singleFileWithoutTestSetIsSplitBySeed() {
        Path file = TestData.FASHION.resolve("t10k-images-idx3-ubyte.gz");
        Split a = DataSource.prepare(new DataConfig(file.toString(), 0, 0, 0, null, 0.25, false), 3).split();
        Split b = DataSource.prepare(new DataConfig(file.toString(), 0, 0, 0, null, 0.25, false), 3).split();
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
                () -> DataSource.open(temp.resolve("nope"), own -> own, false));
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
}
