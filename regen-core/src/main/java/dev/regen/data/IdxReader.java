package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST, plain or gzipped.
 *
 * <p>Images are unsigned bytes of rank 3 (N x H x W) or 4 (N x H x W x C); labels are rank 1.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /** Reads an image file and, when {@code labels} is not null, its label file. */
    public static ArrayDataset read(Path images, Path labels) {
        byte[] bytes = FileBytes.read(images);
        int[] dims = header(images, bytes);
        if (dims.length != 3 && dims.length != 4) {
            throw new RegenException(images + " holds a rank-" + dims.length + " array; images need rank 3 or 4");
        }
        int channels = dims.length == 4 ? dims[3] : 1;
        ImageShape shape = DeclaredShape.of(images, channels, dims[1], dims[2]);
        int count = dims[0];
        int offset = 4 + 4 * dims.length;
        byte[] levels = DeclaredShape.levels(images, (long) count * shape.size());
        int pixelsPerPlane = shape.height() * shape.width();
        for (int i = 0; i < count; i++) {
            int base = offset + i * shape.size();
            for (int p = 0; p < pixelsPerPlane; p++) {
                for (int c = 0; c < channels; c++) {
                    // IDX stores channels last; the project works channels first.
                    levels[i * shape.size() + c * pixelsPerPlane + p] = bytes[base + p * channels + c];
                }
            }
        }
        int[] labelValues = labels == null ? null : readLabels(labels, count);
        return ArrayDataset.ofLevels(shape, levels, labelValues, images.toString());
    }

    private static int[] readLabels(Path path, int expected) {
        byte[] bytes = FileBytes.read(path);
        int[] dims = header(path, bytes);
        if (dims.length != 1) {
            throw new RegenException(path + " holds a rank-" + dims.length + " array; labels need rank 1");
        }
        if (dims[0] != expected) {
            throw new RegenException(path + " has " + dims[0] + " labels for " + expected + " images");
        }
        int[] labels = new int[dims[0]];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = bytes[8 + i] & 0xff;
        }
        return labels;
    }

    /** Parses and checks the header; returns the dimensions. */
    private static int[] header(Path path, byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0) {
            throw new RegenException(path + " is not an IDX file (bad magic number)");
        }
        if ((bytes[2] & 0xff) != UNSIGNED_BYTE) {
            throw new RegenException(path + " holds IDX type 0x" + Integer.toHexString(bytes[2] & 0xff)
                    + "; only unsigned bytes (0x08) are supported");
        }
        int rank = bytes[3] & 0xff;
        if (rank < 1 || bytes.length < 4 + 4 * rank) {
            throw new RegenException(path + " is truncated inside its IDX header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 4, 4 * rank);
        int[] dims = new int[rank];
        long expected = 4L + 4L * rank;
        long elements = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = buffer.getInt();
            if (dims[i] <= 0) {
                throw new RegenException(path + " has a non-positive dimension " + dims[i] + " in its IDX header");
            }
            elements *= dims[i];
            if (elements > Integer.MAX_VALUE) {
                throw new RegenException(path + " declares more data than fits in memory");
            }
        }
        expected += elements;
        if (bytes.length < expected) {
            throw new RegenException(path + " is truncated: its header declares " + expected + " bytes, the file has "
                    + bytes.length);
        }
        return dims;
    }
}
