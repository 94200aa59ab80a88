package dev.regen.data;

import dev.regen.config.ImageShape;

import java.util.Arrays;

/** Shape changes on one channels-first image: channel count conversion and bilinear resizing. */
public final class PixelOps {
    private PixelOps() {
    }

    /** Converts {@code src} of shape {@code from} to shape {@code to}, changing channels first, then size. */
    public static float[] convert(float[] src, ImageShape from, ImageShape to) {
        float[] channelled = channels(src, from, to.channels());
        ImageShape mid = new ImageShape(to.channels(), from.height(), from.width());
        return resize(channelled, mid, to.height(), to.width());
    }

    /** {@code n} images of shape {@code from}, one after the other, each converted to shape {@code to}. */
    public static float[] convertAll(float[] images, int n, ImageShape from, ImageShape to) {
        if (from.equals(to)) {
            return images;
        }
        float[] out = new float[n * to.size()];
        for (int i = 0; i < n; i++) {
            float[] one = convert(Arrays.copyOfRange(images, i * from.size(), (i + 1) * from.size()), from, to);
            System.arraycopy(one, 0, out, i * to.size(), to.size());
        }
        return out;
    }

    /**
     * Changes the channel count: grey to colour repeats the plane, colour to grey takes the ITU-R
     * BT.601 luma, and other changes keep the first planes (padding with the last one).
     */
    static float[] channels(float[] src, ImageShape from, int channels) {
        if (from.channels() == channels) {
            return src;
        }
        int plane = from.height() * from.width();
        float[] dst = new float[channels * plane];
        if (channels == 1 && from.channels() >= 3) {
            for (int p = 0; p < plane; p++) {
                dst[p] = 0.299f * src[p] + 0.587f * src[plane + p] + 0.114f * src[2 * plane + p];
            }
            return dst;
        }
        for (int c = 0; c < channels; c++) {
            System.arraycopy(src, Math.min(c, from.channels() - 1) * plane, dst, c * plane, plane);
        }
        return dst;
    }

    /** Bilinear resize with pixel centres aligned (as PIL and OpenCV do); returns {@code src} when sizes match. */
    static float[] resize(float[] src, ImageShape from, int height, int width) {
        if (from.height() == height && from.width() == width) {
            return src;
        }
        int channels = from.channels();
        float[] dst = new float[channels * height * width];
        float sy = (float) from.height() / height;
        float sx = (float) from.width() / width;
        for (int y = 0; y < height; y++) {
            float fy = Math.max(0f, (y + 0.5f) * sy - 0.5f);
            int y0 = Math.min((int) fy, from.height() - 1);
            int y1 = Math.min(y0 + 1, from.height() - 1);
            float wy = fy - y0;
            for (int x = 0; x < width; x++) {
                float fx = Math.max(0f, (x + 0.5f) * sx - 0.5f);
                int x0 = Math.min((int) fx, from.width() - 1);
                int x1 = Math.min(x0 + 1, from.width() - 1);
                float wx = fx - x0;
                for (int c = 0; c < channels; c++) {
                    int base = c * from.height() * from.width();
                    float top = src[base + y0 * from.width() + x0] * (1 - wx) + src[base + y0 * from.width() + x1] * wx;
                    float bottom = src[base + y1 * from.width() + x0] * (1 - wx) + src[base + y1 * from.width() + x1] * wx;
                    dst[c * height * width + y * width + x] = top * (1 - wy) + bottom * wy;
                }
            }
        }
        return dst;
    }
}
