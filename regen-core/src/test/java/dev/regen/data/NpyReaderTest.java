package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyReaderTest {
    @TempDir
    Path temp;

    /** Writes a version-1 NPY file with the given descr and shape around {@code data}. */
    static Path npy(Path file, String descr, String shape, byte[] data) throws Exception {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        Files.write(file, b.array());
        return file;
    }

    @Test
    void uint8NhwIsScaledToUnitRange() throws Exception {
        Path file = npy(temp.resolve("images.npy"), "|u1", "2, 2, 3", new byte[]{0, 51, (byte) 255, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        ArrayDataset data = NpyReader.read(file);
        assertEquals(2, data.size());
        assertEquals(new ImageShape(1, 2, 3), data.shape());
        float[] first = new float[6];
        data.read(0, first, 0);
        assertEquals(0.2f, first[1], 1e-6);
        assertEquals(1f, first[2], 1e-6);
    }

    @Test
    void float32NhwcBecomesChannelsFirst() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4 * 6).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[]{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}) {
            b.putFloat(v);
        }
        ArrayDataset data = NpyReader.read(npy(temp.resolve("hwc.npy"), "<f4", "1, 1, 2, 3", b.array()));
        assertEquals(new ImageShape(3, 1, 2), data.shape());
        float[] chw = new float[6];
        data.read(0, chw, 0);
        float[] expected = {0.1f, 0.4f, 0.2f, 0.5f, 0.3f, 0.6f};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], chw[i], 1e-6);
        }
    }

    @Test
    void float64NchwWithValuesAboveOneIsScaledFrom255() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 * 2 * 5 * 5).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 50; i++) {
            b.putDouble(i == 0 ? 255.0 : 51.0);
        }
        ArrayDataset data = NpyReader.read(npy(temp.resolve("chw.npy"), "<f8", "1, 2, 5, 5", b.array()));
        assertEquals(new ImageShape(2, 5, 5), data.shape());
        float[] chw = new float[50];
        data.read(0, chw, 0);
        assertEquals(1f, chw[0], 1e-6);
        assertEquals(0.2f, chw[1], 1e-6);
    }

    @Test
    void headerThatLiesAboutTheSizeIsRejected() throws Exception {
        Path file = npy(temp.resolve("liar.npy"), "|u1", "1000, 28, 28", new byte[784]);
        RegenException e = assertThrows(RegenException.class, () -> NpyReader.read(file));
        assertTrue(e.getMessage().contains("needs"), e.getMessage());
    }

    @Test
    void truncatedHeaderAndBadMagicAndUnsupportedTypesAreRejected() throws Exception {
        Path good = npy(temp.resolve("g.npy"), "|u1", "1, 2, 2", new byte[4]);
        Path cut = temp.resolve("cut.npy");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(good), 30));
        assertTrue(assertThrows(RegenException.class, () -> NpyReader.read(cut)).getMessage().contains("truncated"));
        Path text = temp.resolve("text.npy");
        Files.writeString(text, "not numpy at all");
        assertTrue(assertThrows(RegenException.class, () -> NpyReader.read(text)).getMessage().contains("magic"));
        Path complex = npy(temp.resolve("c.npy"), "<c8", "1, 1, 1", new byte[8]);
        assertTrue(assertThrows(RegenException.class, () -> NpyReader.read(complex)).getMessage().contains("dtype"));
        Path rank2 = npy(temp.resolve("r2.npy"), "|u1", "2, 2", new byte[4]);
        assertTrue(assertThrows(RegenException.class, () -> NpyReader.read(rank2)).getMessage().contains("rank"));
    }
}
