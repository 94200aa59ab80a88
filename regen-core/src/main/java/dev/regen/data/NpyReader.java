package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} image arrays: format versions 1 to 3, C or Fortran order, either byte
 * order, and every boolean, integer and float dtype numpy saves images in.
 *
 * <p>Rank 3 is N x H x W. Rank 4 is N x H x W x C when the last axis has at most 4 entries,
 * otherwise N x C x H x W. Values map to [0, 1] by their dtype:
 * <ul>
 *   <li>bool: false 0, true 1;</li>
 *   <li>uint8 and uint16: their full range, 0..255 and 0..65535, as in 8- and 16-bit image files;</li>
 *   <li>the other integers (int8 to int64, uint32, uint64), which have no image convention but are
 *       what numpy makes of plain Python lists: levels 0..255, or 0..65535 when a value exceeds
 *       255; a negative value or one above 65535 is refused;</li>
 *   <li>floats (float16, float32, float64): [0, 1], unless their maximum exceeds 1, then 0..255;
 *       values outside the range are clipped and non-finite ones refused.</li>
 * </ul>
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern DTYPE = Pattern.compile("([<>|=])([a-zA-Z]\\d+)");
    private static final int MAX_CHANNELS = 4;
    private static final int MAX_QUOTED = 40;
    private static final double BYTE_LEVELS = 255;
    private static final double SHORT_LEVELS = 65535;

    private NpyReader() {
    }

    /** Reads an image array, unlabelled. */
    public static ArrayDataset read(Path path) {
        byte[] bytes = FileBytes.read(path);
        Header header = header(path, bytes);
        long[] dims = header.shape;
        if (dims.length != 3 && dims.length != 4) {
            throw new RegenException(path + " has shape of rank " + dims.length + "; images need NHW, NHWC or NCHW");
        }
        // Source axis of each output axis N, C, H, W; -1 for the channel axis of a rank-3 array.
        int[] axes = dims.length == 3 ? new int[]{0, -1, 1, 2}
                : dims[3] <= MAX_CHANNELS ? new int[]{0, 3, 1, 2} : new int[]{0, 1, 2, 3};
        ImageShape shape = DeclaredShape.of(path, axes[1] < 0 ? 1 : (int) dims[axes[1]], (int) dims[axes[2]],
                (int) dims[axes[3]]);
        // At most 2^31 images of 2^30 values of 8 bytes: below 2^64, so exact as an unsigned long.
        long elements = dims[0] * shape.size();
        long needed = header.dataOffset + elements * header.type.bytes;
        if (Long.compareUnsigned(bytes.length, needed) != 0) {
            throw new RegenException(path + " has " + bytes.length + " bytes but its header (shape "
                    + Arrays.toString(dims) + ", " + header.type.name + ") needs " + Long.toUnsignedString(needed));
        }
        ByteBuffer data = ByteBuffer.wrap(bytes).order(header.order);
        double divisor = divisor(path, header, data, (int) elements);
        float[] pixels = DeclaredShape.pixels(path, elements);
        long[] strides = strides(dims, header.fortranOrder);
        long[] outStrides = new long[4];
        for (int k = 0; k < 4; k++) {
            outStrides[k] = axes[k] < 0 ? 0 : strides[axes[k]];
        }
        int o = 0;
        for (int n = 0; n < dims[0]; n++) {
            for (int c = 0; c < shape.channels(); c++) {
                for (int y = 0; y < shape.height(); y++) {
                    long row = n * outStrides[0] + c * outStrides[1] + y * outStrides[2];
                    for (int x = 0; x < shape.width(); x++) {
                        int at = header.dataOffset + (int) (row + x * outStrides[3]) * header.type.bytes;
                        double v = header.type.get(data, at) / divisor;
                        pixels[o++] = (float) Math.min(1, Math.max(0, v));
                    }
                }
            }
        }
        return new ArrayDataset(shape, pixels, null, path.toString());
    }

    /** Element strides of each axis: the last axis varies fastest in C order, the first in Fortran order. */
    private static long[] strides(long[] dims, boolean fortranOrder) {
        long[] strides = new long[dims.length];
        long step = 1;
        for (int k = 0; k < dims.length; k++) {
            int axis = fortranOrder ? k : dims.length - 1 - k;
            strides[axis] = step;
            step *= dims[axis];
        }
        return strides;
    }

    /** What each value is divided by to map it to [0, 1], by the rules of the class comment. */
    private static double divisor(Path path, Header header, ByteBuffer data, int elements) {
        DType type = header.type;
        if (type.levels > 0) {
            return type.levels;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < elements; i++) {
            double v = type.get(data, header.dataOffset + i * type.bytes);
            if (!Double.isFinite(v)) {
                throw new RegenException(path + " holds a non-finite value (" + v + ")");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (type.floating()) {
            return max > 1 ? BYTE_LEVELS : 1;
        }
        if (min < 0 || max > SHORT_LEVELS) {
            throw new RegenException(path + " holds " + type.name + " values from " + integer(min) + " to "
                    + integer(max) + "; integer pixels must be levels 0..255 or 0..65535 (or save floats in [0, 1])");
        }
        return max > BYTE_LEVELS ? SHORT_LEVELS : BYTE_LEVELS;
    }

    private static String integer(double v) {
        return new BigDecimal(v).toPlainString();
    }

    /**
     * The dtypes read, each named by its descr without the byte order ({@code f4}) and by its
     * numpy name; {@code levels} is the fixed divisor of those with one, else 0.
     */
    private enum DType {
        B1("bool", 1, 1), U1("uint8", 1, BYTE_LEVELS), I1("int8", 1, 0), U2("uint16", 2, SHORT_LEVELS),
        I2("int16", 2, 0), U4("uint32", 4, 0), I4("int32", 4, 0), U8("uint64", 8, 0), I8("int64", 8, 0),
        F2("float16", 2, 0), F4("float32", 4, 0), F8("float64", 8, 0);

        final String name;
        final int bytes;
        final double levels;

        DType(String name, int bytes, double levels) {
            this.name = name;
            this.bytes = bytes;
            this.levels = levels;
        }

        boolean floating() {
            return name.startsWith("float");
        }

        /** The value at byte {@code at}. */
        double get(ByteBuffer b, int at) {
            return switch (this) {
                case B1 -> b.get(at) != 0 ? 1 : 0;
                case U1 -> b.get(at) & 0xff;
                case I1 -> b.get(at);
                case U2 -> b.getShort(at) & 0xffff;
                case I2 -> b.getShort(at);
                case U4 -> b.getInt(at) & 0xffffffffL;
                case I4 -> b.getInt(at);
                case U8 -> unsigned(b.getLong(at));
                case I8 -> b.getLong(at);
                case F2 -> half(b.getShort(at));
                case F4 -> b.getFloat(at);
                case F8 -> b.getDouble(at);
            };
        }

        private static double unsigned(long v) {
            return v >= 0 ? v : 0x1p64 + v;
        }
    }

    /**
     * An IEEE 754 half-precision value (Java 17 has no {@code Float.float16ToFloat}): 1 sign bit,
     * 5 exponent bits biased by 15, 10 fraction bits.
     */
    static double half(short bits) {
        int sign = (bits >> 15) & 1;
        int exponent = (bits >> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        double magnitude;
        if (exponent == 0x1f) {
            magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exponent == 0) {
            magnitude = fraction * 0x1p-24;    // subnormal: 0.fraction x 2^-14
        } else {
            magnitude = (1024 + fraction) * Math.scalb(1.0, exponent - 25);
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    private record Header(DType type, ByteOrder order, boolean fortranOrder, long[] shape, int dataOffset) {
    }

    private static Header header(Path path, byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) {
                throw new RegenException(path + " is not an NPY file (bad magic string)");
            }
        }
        if (bytes.length < 10) {
            throw new RegenException(path + " is truncated inside its NPY header");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int start;
        Charset charset;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xffff;
            start = 10;
            charset = StandardCharsets.ISO_8859_1;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new RegenException(path + " is truncated inside its NPY header");
            }
            // Versions 2 and 3 widen the length to 4 bytes; version 3 also allows UTF-8 in the header.
            headerLength = b.getInt(8) & 0xffffffffL;
            start = 12;
            charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        } else {
            throw new RegenException(path + " uses NPY format version " + major + "; versions 1 to 3 are supported");
        }
        if (start + headerLength > bytes.length) {
            throw new RegenException(path + " is truncated inside its NPY header");
        }
        String text = new String(bytes, start, (int) headerLength, charset);
        String descr = group(path, DESCR, text, "descr");
        return new Header(type(path, descr), descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                "True".equals(group(path, FORTRAN, text, "fortran_order")), shape(path, text),
                start + (int) headerLength);
    }

    private static DType type(Path path, String descr) {
        Matcher m = DTYPE.matcher(descr);
        if (m.matches()) {
            for (DType t : DType.values()) {
                // Case matters: '<U1' is a unicode string, '|u1' a byte.
                if (t.name().toLowerCase(Locale.ROOT).equals(m.group(2))) {
                    return t;
                }
            }
        }
        throw new RegenException(path + " holds dtype '" + printable(descr) + "'; bool, integers (int8 to int64, uint8 to "
                + "uint64) and floats (float16, float32, float64) are supported");
    }

    private static long[] shape(Path path, String header) {
        String[] parts = group(path, SHAPE, header, "shape").split(",");
        return Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(s -> {
            try {
                // Python 2 wrote long integers with an L suffix.
                long v = Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw new RegenException(path + " has an invalid dimension " + printable(s) + " in its NPY header");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new RegenException(path + " has an unreadable shape (" + printable(s) + ") in its NPY header");
            }
        }).toArray();
    }

    /** Header text as a message may quote it: on one line, short, control characters as '?'. */
    private static String printable(String text) {
        String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
        return shown.replaceAll("[\\p{C}\\p{Zl}\\p{Zp}]", "?");
    }

    private static String group(Path path, Pattern pattern, String header, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new RegenException(path + " has no '" + key + "' in its NPY header");
        }
        return m.group(1);
    }
}
