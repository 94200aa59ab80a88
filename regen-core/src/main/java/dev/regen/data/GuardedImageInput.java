package dev.regen.data;

import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;
import java.util.Objects;

/**
 * An image file held in memory as the stream an ImageIO reader decodes, which stops a reader that
 * asks for far more than the file holds. The TwelveMonkeys WebP reader, for one, takes each end of
 * file in a corrupt lossless image as more bits to come and reads on for ever.
 */
final class GuardedImageInput extends ImageInputStreamImpl {
    /** Readers seek back and read parts again, but not the whole file this many times over. */
    private static final long READS_PER_BYTE = 64;
    /** Readers ask for whole buffers near the end of small files. */
    private static final long SLACK_BYTES = 1 << 20;

    private final byte[] data;
    private long budget;

    GuardedImageInput(byte[] data) {
        this.data = data;
        this.budget = READS_PER_BYTE * data.length + SLACK_BYTES;
    }

    @Override
    public int read() throws IIOException {
        spend(1);
        bitOffset = 0;
        return streamPos < data.length ? data[(int) streamPos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IIOException {
        Objects.checkFromIndexSize(off, len, b.length);
        spend(len);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            return -1;
        }
        int n = (int) Math.min(len, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }

    /** Counts what a reader asks for, and stops it once it has asked for too much. */
    private void spend(long bytes) throws IIOException {
        budget -= bytes;
        if (budget < 0) {
            throw new IIOException("the decoder reads on past the end of the data");
        }
    }
}
