package dev.regen.io;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes NumPy {@code .npy} files (format version 1.0, little-endian, C order) that
 * {@code numpy.load} reads, atomically: latent codes as float32 rows, labels as int64.
 */
public final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** NumPy pads the header so that the data starts at a multiple of 64 bytes. */
    private static final int ALIGNMENT = 64;

    private NpyWriter() {
    }

    /** Writes {@code values} as a float32 array of {@code shape} (its product must be the length). */
    public static void writeFloats(Path path, float[] values, long... shape) {
        ByteBuffer data = buffer(values.length, 4, shape);
        data.asFloatBuffer().put(values);
        write(path, "<f4", shape, data);
    }

    /** Writes {@code values} as a one-dimensional int64 array. */
    public static void writeLongs(Path path, int[] values) {
        ByteBuffer data = buffer(values.length, 8, values.length);
        Arrays.stream(values).forEach(v -> data.putLong(v));
        write(path, "<i8", new long[]{values.length}, data);
    }

    private static ByteBuffer buffer(int length, int bytesEach, long... shape) {
        if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + length + " values");
        }
        return ByteBuffer.allocate(length * bytesEach).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(Path path, String descr, long[] shape, ByteBuffer data) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims
                + (shape.length == 1 ? ",), }" : "), }");
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        String header = dict + " ".repeat((ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT) + "\n";
        AtomicFiles.write(path, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(MAGIC);
                out.write(header.length() & 0xff);
                out.write(header.length() >> 8);
                out.write(header.getBytes(StandardCharsets.US_ASCII));
                out.write(data.array());
            }
        });
    }
}
