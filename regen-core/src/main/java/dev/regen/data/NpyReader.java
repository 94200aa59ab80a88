package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} image arrays of uint8, float32 or float64.
 *
 * <p>Rank 3 is N x H x W. Rank 4 is N x H x W x C when the last axis has at most 4 entries,
 * otherwise N x C x H x W. Integers are scaled from 0..255; floats are taken as [0, 1] unless
 * their maximum exceeds 1, in which case they are scaled from 0..255 too.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final int MAX_CHANNELS = 4;

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
        boolean channelsLast = dims.length == 4 && dims[3] <= MAX_CHANNELS;
        int channels = dims.length == 3 ? 1 : (int) (channelsLast ? dims[3] : dims[1]);
        int height = (int) (channelsLast || dims.length == 3 ? dims[1] : dims[2]);
        int width = (int) (channelsLast || dims.length == 3 ? dims[2] : dims[3]);
        ImageShape shape = new ImageShape(channels, height, width);
        int count = (int) dims[0];
        long elements = (long) count * shape.size();
        long needed = header.dataOffset + elements * header.type.bytes;
        if (bytes.length != needed) {
            throw new RegenException(path + " has " + bytes.length + " bytes but its header (shape "
                    + java.util.Arrays.toString(dims) + ", " + header.type.descr + ") needs " + needed);
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, header.dataOffset, bytes.length - header.dataOffset)
                .order(header.order);
        float[] values = new float[(int) elements];
        float max = 0;
        for (int i = 0; i < values.length; i++) {
            float v = header.type.get(data);
            if (!Float.isFinite(v)) {
                throw new RegenException(path + " holds a non-finite value at element " + i);
            }
            values[i] = v;
            max = Math.max(max, v);
        }
        float scale = header.type == Type.U1 || max > 1f ? 1f / 255f : 1f;
        float[] pixels = channelsLast ? toChannelsFirst(values, count, shape, scale) : scaled(values, scale);
        return new ArrayDataset(shape, pixels, null, path.toString());
    }

    private static float[] scaled(float[] values, float scale) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.min(1f, Math.max(0f, values[i] * scale));
        }
        return values;
    }

    private static float[] toChannelsFirst(float[] hwc, int count, ImageShape shape, float scale) {
        float[] chw = new float[hwc.length];
        int plane = shape.height() * shape.width();
        int c = shape.channels();
        for (int i = 0; i < count; i++) {
            int base = i * shape.size();
            for (int p = 0; p < plane; p++) {
                for (int k = 0; k < c; k++) {
                    chw[base + k * plane + p] = Math.min(1f, Math.max(0f, hwc[base + p * c + k] * scale));
                }
            }
        }
        return chw;
    }

    private enum Type {
        U1("u1", 1), F4("f4", 4), F8("f8", 8);

        final String descr;
        final int bytes;

        Type(String descr, int bytes) {
            this.descr = descr;
            this.bytes = bytes;
        }

        float get(ByteBuffer b) {
            return switch (this) {
                case U1 -> b.get() & 0xff;
                case F4 -> b.getFloat();
                case F8 -> (float) b.getDouble();
            };
        }
    }

    private record Header(Type type, ByteOrder order, long[] shape, int dataOffset) {
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
        int headerLength;
        int start;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new RegenException(path + " is truncated inside its NPY header");
            }
            headerLength = b.getInt(8);
            start = 12;
        } else {
            throw new RegenException(path + " uses NPY format version " + major + "; versions 1 to 3 are supported");
        }
        if (headerLength < 0 || start + (long) headerLength > bytes.length) {
            throw new RegenException(path + " is truncated inside its NPY header");
        }
        String text = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
        return new Header(type(path, text), order(path, text), shape(path, text), start + headerLength);
    }

    private static Type type(Path path, String header) {
        String descr = group(path, DESCR, header, "descr");
        for (Type t : Type.values()) {
            if (descr.substring(1).equals(t.descr)) {
                return t;
            }
        }
        throw new RegenException(path + " holds dtype '" + descr + "'; uint8, float32 and float64 are supported");
    }

    private static ByteOrder order(Path path, String header) {
        if ("True".equals(group(path, FORTRAN, header, "fortran_order"))) {
            throw new RegenException(path + " is stored in Fortran order; save it in C order");
        }
        return group(path, DESCR, header, "descr").charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private static long[] shape(Path path, String header) {
        String[] parts = group(path, SHAPE, header, "shape").split(",");
        return java.util.Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(s -> {
            try {
                long v = Long.parseLong(s);
                if (v <= 0 || v > Integer.MAX_VALUE) {
                    throw new RegenException(path + " has an invalid dimension " + s + " in its NPY header");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new RegenException(path + " has an unreadable shape in its NPY header");
            }
        }).toArray();
    }

    private static String group(Path path, Pattern pattern, String header, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new RegenException(path + " has no '" + key + "' in its NPY header");
        }
        return m.group(1);
    }
}
