package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.TestData;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {
    @TempDir
    Path temp;

    @Test
    void readsTheShippedGzippedFashionMnistWithLabels() {
        ArrayDataset train = TestData.fashionTrain();
        assertEquals(10_000, train.size());
        assertEquals(new ImageShape(1, 28, 28), train.shape());
        assertEquals(10, train.classes());
        // The first Fashion-MNIST training image is an ankle boot (class 9).
        assertEquals(9, train.label(0));
        float[] pixels = new float[784];
        train.read(0, pixels, 0);
        float max = 0;
        for (float p : pixels) {
            assertTrue(p >= 0 && p <= 1);
            max = Math.max(max, p);
        }
        assertEquals(1f, max, 1e-6);
    }

    @Test
    void plainAndGzippedFilesReadTheSame() throws Exception {
        Path plain = temp.resolve("train-images-idx3-ubyte");
        TestData.writeIdx(TestData.fashionTest(), 20, plain, temp.resolve("train-labels-idx1-ubyte"));
        Path gz = temp.resolve("copy-images-idx3-ubyte.gz");
        Files.write(gz, TestData.gzip(Files.readAllBytes(plain)));
        ArrayDataset a = IdxReader.read(plain, null);
        ArrayDataset b = IdxReader.read(gz, null);
        float[] pa = new float[784];
        float[] pb = new float[784];
        for (int i = 0; i < 20; i++) {
            a.read(i, pa, 0);
            b.read(i, pb, 0);
            assertArrayEquals(pa, pb);
        }
    }

    @Test
    void rankFourIdxIsChannelsLastAndReadAsUnsignedLevels() throws Exception {
        // 1 image, 1x2 pixels, 3 channels: bytes r0 g0 b0 r1 g1 b1; levels above 127 are negative as Java bytes.
        byte[] bytes = {0, 0, 8, 4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 10, 20, (byte) 128, 40, 50,
                (byte) 255};
        Path file = temp.resolve("rgb-idx4");
        Files.write(file, bytes);
        ArrayDataset data = IdxReader.read(file, null);
        assertEquals(new ImageShape(3, 1, 2), data.shape());
        float[] chw = new float[6];
        data.read(0, chw, 0);
        float[] expected = {10, 40, 20, 50, 128, 255};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i] / 255f, chw[i], 0f);
        }
    }

    @Test
    void truncatedFileIsRejectedWithItsSizes() throws Exception {
        Path plain = temp.resolve("t-images-idx3-ubyte");
        TestData.writeIdx(TestData.fashionTest(), 5, plain, temp.resolve("t-labels-idx1-ubyte"));
        byte[] whole = Files.readAllBytes(plain);
        Files.write(plain, Arrays.copyOf(whole, whole.length - 100));
        RegenException e = assertThrows(RegenException.class, () -> IdxReader.read(plain, null));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void corruptGzipIsRejected() throws Exception {
        byte[] gz = TestData.gzip(new byte[5000]);
        Path file = temp.resolve("bad-images-idx3-ubyte.gz");
        Files.write(file, Arrays.copyOf(gz, gz.length / 2));
        RegenException e = assertThrows(RegenException.class, () -> IdxReader.read(file, null));
        assertTrue(e.getMessage().contains("corrupt or truncated gzip"), e.getMessage());
    }

    @Test
    void gzipInflatingPastTheLimitIsRefused() throws Exception {
        Path file = Files.write(temp.resolve("zeros.gz"), TestData.gzip(new byte[1000]));
        assertEquals(1000, FileBytes.read(file, 1000).length);
        RegenException e = assertThrows(RegenException.class, () -> FileBytes.read(file, 999));
        assertEquals(file + " inflates to more than 999 bytes, more than a data file may hold", e.getMessage());
    }

    @Test
    void sideOutOfRangeNamesTheFile() throws Exception {
        byte[] bytes = new byte[16 + 5000];
        ByteBuffer.wrap(bytes).putInt(0x00000803).putInt(1).putInt(5000).putInt(1);
        Path file = Files.write(temp.resolve("tall-images-idx3-ubyte"), bytes);
        RegenException e = assertThrows(RegenException.class, () -> IdxReader.read(file, null));
        assertEquals(file + " holds images of 1 x 5000 x 1 (channels x height x width): height must be between 1 "
                + "and 4096, got 5000", e.getMessage());
    }

    @Test
    void notAnIdxFileIsRejected() throws Exception {
        Path file = temp.resolve("notes.txt");
        Files.writeString(file, "hello, these are not images");
        RegenException e = assertThrows(RegenException.class, () -> IdxReader.read(file, null));
        assertTrue(e.getMessage().contains("not an IDX file"), e.getMessage());
    }

    @Test
    void labelCountMustMatchImageCount() throws Exception {
        Path images = temp.resolve("a-images-idx3-ubyte");
        TestData.writeIdx(TestData.fashionTest(), 5, images, temp.resolve("unused-labels"));
        TestData.writeIdx(TestData.fashionTest(), 4, temp.resolve("unused-images"), temp.resolve("a-labels-idx1-ubyte"));
        RegenException e = assertThrows(RegenException.class,
                () -> IdxReader.read(images, temp.resolve("a-labels-idx1-ubyte")));
        assertTrue(e.getMessage().contains("4 labels for 5 images"), e.getMessage());
    }
}
