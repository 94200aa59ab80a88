package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyReaderTest {
    @TempDir
    Path temp;

    /**
     * The bytes of an NPY file of format {@code version} around {@code data}, laid out as numpy
     * lays it out: the header padded with spaces and a newline to a multiple of 64 bytes.
     */
    static byte[] npy(int version, String descr, boolean fortranOrder, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': (" + shape + "), }";
        int prefix = version == 1 ? 10 : 12;
        String header = dict + " ".repeat((64 - (prefix + dict.length() + 1) % 64) % 64) + "\n";
        byte[] text = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(prefix + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
        if (version == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(data).array();
    }

    /** {@code raw} values of {@code size} bytes each in byte order {@code order}. */
    static byte[] pack(int size, ByteOrder order, long... raw) {
        ByteBuffer b = ByteBuffer.allocate(size * raw.length).order(order);
        for (long v : raw) {
            switch (size) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return b.array();
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(temp.resolve(name), bytes);
    }

    private float[] pixels(Path file) {
        ArrayDataset data = NpyReader.read(file);
        float[] all = new float[data.size() * data.shape().size()];
        for (int i = 0; i < data.size(); i++) {
            data.read(i, all, i * data.shape().size());
        }
        return all;
    }

    /** Reads one 1 x 2 x 3 image of {@code raw} values as {@code descr} and checks it is {@code raw / divisor}. */
    private void assertDecodes(String descr, double divisor, long... raw) throws Exception {
        int size = Integer.parseInt(descr.substring(2));
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Path file = write("a.npy", npy(1, descr, false, "1, 2, 3", pack(size, order, raw)));
        float[] expected = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            expected[i] = (float) (raw[i] / divisor);
        }
        assertArrayEquals(expected, pixels(file), descr);
    }

    @Test
    void boolIsZeroOrOne() throws Exception {
        assertDecodes("|b1", 1, 0, 1, 1, 0, 0, 1);
    }

    @Test
    void uint8AndUint16UseTheirFullRangeInEitherByteOrder() throws Exception {
        assertDecodes("|u1", 255, 0, 51, 255, 1, 2, 128);
        assertDecodes("<u2", 65535, 0, 65535, 32768, 1, 255, 7);
        assertDecodes(">u2", 65535, 0, 65535, 32768, 1, 255, 7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"|i1", "<i2", ">i2", "<u4", ">u4", "<i4", ">i4", "<u8", ">u8", "<i8", ">i8"})
    void otherIntegersAreEightBitLevelsUpTo255(String descr) throws Exception {
        assertDecodes(descr, 255, 0, 1, 127, 100, 17, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<i2", ">i2", "<u4", ">u4", "<i4", ">i4", "<u8", ">u8", "<i8", ">i8"})
    void otherIntegersAre16BitLevelsAbove255(String descr) throws Exception {
        // int16 cannot hold 65535; its top level is 32767.
        long top = descr.endsWith("i2") ? 32767 : 65535;
        assertDecodes(descr, 65535, 0, 256, top, 1, 1000, 255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<f2", ">f2"})
    void float16IsDecodedExactly(String descr) throws Exception {
        // 0, 1, 0.5, 0.25, the half nearest 1/3, and the smallest subnormal 2^-24.
        Path file = write("h.npy", npy(1, descr, false, "1, 2, 3", pack(2,
                descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                0x0000, 0x3c00, 0x3800, 0x3400, 0x3555, 0x0001)));
        assertArrayEquals(new float[]{0, 1, 0.5f, 0.25f, 0.333251953125f, 0x1p-24f}, pixels(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<f4", ">f4"})
    void float32InUnitRangeIsTakenAsIs(String descr) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4 * 6).order(descr.startsWith(">") ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
        float[] values = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 1f};
        for (float v : values) {
            b.putFloat(v);
        }
        assertArrayEquals(values, pixels(write("f.npy", npy(1, descr, false, "1, 2, 3", b.array()))));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyFormatVersionReadsTheSame(int version) throws Exception {
        byte[] data = {0, 51, (byte) 255, 1, 2, 3};
        assertArrayEquals(pixels(write("v1.npy", npy(1, "|u1", false, "1, 2, 3", data))),
                pixels(write("v.npy", npy(version, "|u1", false, "1, 2, 3", data))));
    }

    /**
     * A Fortran-order file of {@code dims} (first axis fastest) holding the same array as a C-order
     * one (last axis fastest), whose element at multi-index i is the sum of i_k times 7^k, modulo 256.
     */
    private void assertFortranEqualsC(long... dims) throws Exception {
        int count = (int) Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        byte[] c = new byte[count];
        byte[] f = new byte[count];
        int[] index = new int[dims.length];
        for (int at = 0; at < count; at++) {
            int value = 0;
            int cOffset = 0;
            int fOffset = 0;
            int fStride = 1;
            for (int k = 0; k < dims.length; k++) {
                value += index[k] * (int) Math.pow(7, k);
                cOffset = cOffset * (int) dims[k] + index[k];
                fOffset += index[k] * fStride;
                fStride *= (int) dims[k];
            }
            c[cOffset] = (byte) value;
            f[fOffset] = (byte) value;
            for (int k = dims.length - 1; k >= 0 && ++index[k] == dims[k]; k--) {
                index[k] = 0;
            }
        }
        String shape = Arrays.toString(dims).replaceAll("[\\[\\]]", "");
        assertFalse(Arrays.equals(c, f), "the two layouts differ in storage");
        assertArrayEquals(pixels(write("c.npy", npy(1, "|u1", false, shape, c))),
                pixels(write("f.npy", npy(1, "|u1", true, shape, f))), shape);
    }

    @Test
    void fortranOrderEqualsItsCOrderTwinInEveryLayout() throws Exception {
        assertFortranEqualsC(2, 3, 4);          // N x H x W
        assertFortranEqualsC(2, 3, 4, 3);       // N x H x W x C
        assertFortranEqualsC(2, 5, 3, 2);       // N x C x H x W
    }

    @Test
    void fortranOrderReadsTheTransposeItStores() throws Exception {
        // numpy's a.T of the C-order 2 x 3 array [[0 1 2] [3 4 5]] is saved as the 3 x 2 array
        // [[0 3] [1 4] [2 5]] in Fortran order, with the same bytes 0..5.
        Path file = write("t.npy", npy(1, "|u1", true, "1, 3, 2", new byte[]{0, 1, 2, 3, 4, 5}));
        float[] expected = new float[]{0, 3, 1, 4, 2, 5};
        for (int i = 0; i < 6; i++) {
            expected[i] /= 255f;
        }
        assertArrayEquals(expected, pixels(file));
    }

    @Test
    void float32NhwcBecomesChannelsFirst() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4 * 6).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[]{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}) {
            b.putFloat(v);
        }
        ArrayDataset data = NpyReader.read(write("hwc.npy", npy(1, "<f4", false, "1, 1, 2, 3", b.array())));
        assertEquals(new ImageShape(3, 1, 2), data.shape());
        float[] chw = new float[6];
        data.read(0, chw, 0);
        assertArrayEquals(new float[]{0.1f, 0.4f, 0.2f, 0.5f, 0.3f, 0.6f}, chw);
    }

    @Test
    void float64NchwWithValuesAboveOneIsScaledFrom255() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 * 2 * 5 * 5).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 50; i++) {
            b.putDouble(i == 0 ? 255.0 : 51.0);
        }
        ArrayDataset data = NpyReader.read(write("chw.npy", npy(1, "<f8", false, "1, 2, 5, 5", b.array())));
        assertEquals(new ImageShape(2, 5, 5), data.shape());
        float[] chw = new float[50];
        data.read(0, chw, 0);
        assertEquals(1f, chw[0]);
        assertEquals(0.2f, chw[1]);
    }

    /** Checks that {@code bytes} are refused in one line that names the file and holds {@code fragment}. */
    private void assertRefused(byte[] bytes, String fragment) throws Exception {
        Path file = write("bad.npy", bytes);
        String message = assertThrows(RegenException.class, () -> NpyReader.read(file)).getMessage();
        assertTrue(message.startsWith(file.toString()) && !message.contains("\n") && message.contains(fragment),
                message);
    }

    @Test
    void integersOutsideTheLevelsAndNonFiniteFloatsAreRefused() throws Exception {
        assertRefused(npy(1, "<i2", false, "1, 1, 2", pack(2, ByteOrder.LITTLE_ENDIAN, -1, 5)),
                "int16 values from -1 to 5; integer pixels must be levels");
        assertRefused(npy(1, "<u8", false, "1, 1, 2", pack(8, ByteOrder.LITTLE_ENDIAN, -1, 5)),
                "uint64 values from 5 to 18446744073709551616");
        assertRefused(npy(1, "<f2", false, "1, 1, 1", pack(2, ByteOrder.LITTLE_ENDIAN, 0x7c00)),
                "non-finite value (Infinity)");
        assertRefused(npy(1, ">f4", false, "1, 1, 1", pack(4, ByteOrder.BIG_ENDIAN, 0x7fc00000)),
                "non-finite value (NaN)");
    }

    @Test
    void corruptAndTruncatedHeadersAreRefusedInOneLine() throws Exception {
        byte[] good = npy(1, "|u1", false, "1, 2, 2", new byte[4]);
        assertRefused(Arrays.copyOf(good, 30), "truncated inside its NPY header");
        assertRefused(Arrays.copyOf(good, 9), "truncated inside its NPY header");
        byte[] longHeader = npy(2, "|u1", false, "1, 2, 2", new byte[4]);
        ByteBuffer.wrap(longHeader).order(ByteOrder.LITTLE_ENDIAN).putInt(8, -2);
        assertRefused(longHeader, "truncated inside its NPY header");
        byte[] future = good.clone();
        future[6] = 4;
        assertRefused(future, "NPY format version 4; versions 1 to 3");
        assertRefused("not numpy at all".getBytes(StandardCharsets.US_ASCII), "bad magic");
        assertRefused(npy(1, "|u1", false, "1, two, 2", new byte[4]), "unreadable shape (two)");
        assertRefused(npy(1, "|u1", false, "1, -2, 2", new byte[4]), "invalid dimension -2");
        assertRefused(npy(1, "|u1", false, "1, 2, 2", new byte[3]),
                "has 131 bytes but its header (shape [1, 2, 2], uint8) needs 132");
        assertRefused(npy(1, "|u1", false, "2, 2", new byte[4]), "rank 2");
        assertRefused(npy(1, "<U1", false, "1, 1, 1", new byte[4]), "dtype '<U1'");
        assertRefused(npy(1, "<c8", false, "1, 1, 1", new byte[8]), "dtype '<c8'");
        byte[] renamed = new String(good, StandardCharsets.ISO_8859_1).replace("'shape'", "'shap_'")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(renamed, "no 'shape' in its NPY header");
    }

    @Test
    void headerTextIsQuotedOnOneLine() throws Exception {
        // Found by NpyReaderFuzzTest: a mangled shape or descr was quoted with its newline.
        assertRefused(npy(1, "|u1", false, "2, 4, K\n6 5", new byte[40]), "unreadable shape (K?6 5)");
        assertRefused(npy(1, "<u2\n" + "x".repeat(50), false, "1, 1, 1", new byte[2]),
                "holds dtype '<u2?" + "x".repeat(36) + "...'");
    }

    @Test
    void hugeDimensionsAreRefusedBeforeAnythingIsAllocated() throws Exception {
        assertRefused(npy(1, "|u1", false, "1, 5000, 2", new byte[10_000]),
                "holds images of 1 x 5000 x 2 (channels x height x width): height must be between");
        assertRefused(npy(1, "<f8", false, "2147483647, 4096, 4096, 4", new byte[8]),
                "has 136 bytes but its header (shape [2147483647, 4096, 4096, 4], float64) needs "
                + "1152921504069976192");
    }
}
