package dev.regen.data;

import dev.regen.Fuzz;
import dev.regen.TestData;
import net.jqwik.api.Example;

import java.nio.ByteOrder;
import java.util.List;

import static dev.regen.data.NpyReaderTest.npy;
import static dev.regen.data.NpyReaderTest.pack;

/** Fuzzes the NPY reader from seeds of every header version, both orders and several dtypes. */
class NpyReaderFuzzTest {
    /** The seeds are a few hundred bytes: a read that allocates more than this was steered by a header. */
    private static final long ALLOCATION_LIMIT = 64L << 20;

    @Example
    void arraysAreReadOrRefused() {
        byte[] bytes = new byte[2 * 4 * 5];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 6);
        }
        byte[] gray = npy(1, "|u1", false, "2, 4, 5", bytes);
        List<byte[]> seeds = List.of(
                gray,
                TestData.gzip(gray),
                npy(1, "<f4", false, "1, 2, 2, 3", pack(4, ByteOrder.LITTLE_ENDIAN, 0x3e800000, 0x3f000000,
                        0x3f800000, 0, 0x3dcccccd, 0x3f400000, 0x3e800000, 0x3f000000, 0x3f800000, 0, 0, 0)),
                npy(2, ">i8", true, "1, 5, 2, 2", pack(8, ByteOrder.BIG_ENDIAN, 0, 1, 2, 300, 4, 5, 6, 7, 8, 9,
                        10, 11, 12, 13, 14, 15, 16, 17, 18, 19)),
                npy(3, "<u2", false, "1, 3, 3", pack(2, ByteOrder.LITTLE_ENDIAN, 0, 1, 2, 3, 65535, 5, 6, 7, 8)),
                npy(1, "|b1", true, "2, 2, 2", new byte[]{0, 1, 1, 0, 1, 0, 0, 1}),
                npy(1, "<f2", false, "1, 1, 4", pack(2, ByteOrder.LITTLE_ENDIAN, 0x3c00, 0x3800, 0x3555, 0x0001)));
        Fuzz.run("npy", Fuzz.mutants(seeds), "images.npy", ALLOCATION_LIMIT, NpyReader::read);
    }
}
