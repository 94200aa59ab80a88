package dev.regen.io;

import dev.regen.config.ImageShape;
import dev.regen.data.ArrayDataset;
import dev.regen.data.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyWriterTest {
    @TempDir
    Path temp;

    @Test
    void floatsReadBackThroughTheNpyReader() {
        float[] values = new float[2 * 3 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 32f;
        }
        Path file = temp.resolve("codes.npy");
        NpyWriter.writeFloats(file, values, 2, 3, 4);
        ArrayDataset read = NpyReader.read(file);
        assertEquals(new ImageShape(1, 3, 4), read.shape());
        float[] image = new float[12];
        read.read(1, image, 0);
        for (int i = 0; i < 12; i++) {
            assertEquals(values[12 + i], image[i], 1e-7);
        }
    }

    @Test
    void theHeaderIsNumpysVersionOneAlignedTo64Bytes() throws Exception {
        Path file = temp.resolve("labels.npy");
        NpyWriter.writeLongs(file, new int[]{7, -1, 3});
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(bytes, 8));
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }"), header);
        assertTrue(header.endsWith("\n"));
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(7, data.getLong());
        assertEquals(-1, data.getLong());
        assertEquals(3, data.getLong());
        assertEquals(10 + headerLength + 24, bytes.length);
    }
}
