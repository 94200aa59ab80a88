package dev.regen.translate;

import dev.regen.config.ImageShape;
import dev.regen.data.PixelOps;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;

/**
 * Sketches of images, as pix2pix's edges-to-shoes task draws them: the Canny edges (Canny 1986;
 * OpenCV's, thresholds {@value #LOW} and {@value #HIGH} on the 8-bit luma), white lines on black.
 * And the baseline a user without a model has for turning a sketch back into an image: fill it
 * (see {@link Fill}).
 */
public final class Sketches {
    /** Canny's lower hysteresis threshold, on 8-bit values. */
    public static final double LOW = 50;
    /** Canny's upper hysteresis threshold, on 8-bit values. */
    public static final double HIGH = 150;
    /** Gaussian blur of the fill, in pixels: it softens the fill's hard region borders. */
    private static final double BLUR = 1.0;

    private Sketches() {
    }

    /** The edge map [1, H, W] of an image of {@code shape}: 1 on an edge, 0 elsewhere. */
    public static float[] edges(float[] image, ImageShape shape) {
        float[] grey = PixelOps.convert(image, shape, shape.withChannels(1));
        int plane = shape.height() * shape.width();
        try (PointerScope scope = new PointerScope()) {
            Mat bytes = new Mat(shape.height(), shape.width(), opencv_core.CV_8UC1);
            ByteBuffer in = bytes.createBuffer();
            for (int p = 0; p < plane; p++) {
                in.put(p, (byte) Math.round(255 * Math.max(0, Math.min(1, grey[p]))));
            }
            Mat lines = new Mat();
            opencv_imgproc.Canny(bytes, lines, LOW, HIGH);
            ByteBuffer out = lines.createBuffer();
            float[] edges = new float[plane];
            for (int p = 0; p < plane; p++) {
                edges[p] = out.get(p) != 0 ? 1f : 0f;
            }
            return edges;
        }
    }

    /**
     * The fill of a sketch: each pixel is on an edge, outside (reachable from the image's border
     * without crossing an edge) or inside a closed outline, and takes the mean colour its region
     * has in the training pairs; the result is blurred. What a user draws by hand with a paint
     * bucket, fitted to the data.
     *
     * @param values mean colour per region (edge, outside, inside), channels first
     * @param shape  the shape of the images it fills to
     */
    public record Fill(float[][] values, ImageShape shape) {
        private static final int EDGE = 0;
        private static final int OUTSIDE = 1;
        private static final int INSIDE = 2;

        /** Fits the region colours on {@code n} pairs of edge maps [1, H, W] and images of {@code shape}. */
        public static Fill fit(float[] edges, float[] images, int n, ImageShape shape) {
            int plane = shape.height() * shape.width();
            double[][] sums = new double[3][shape.channels()];
            long[] counts = new long[3];
            for (int i = 0; i < n; i++) {
                int[] regions = regions(edges, i * plane, shape);
                for (int p = 0; p < plane; p++) {
                    counts[regions[p]]++;
                    for (int c = 0; c < shape.channels(); c++) {
                        sums[regions[p]][c] += images[i * shape.size() + c * plane + p];
                    }
                }
            }
            float[][] values = new float[3][shape.channels()];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < shape.channels(); c++) {
                    values[r][c] = counts[r] == 0 ? 0 : (float) (sums[r][c] / counts[r]);
                }
            }
            return new Fill(values, shape);
        }

        /** The fills of {@code n} edge maps [1, H, W], images of the fitted shape. */
        public float[] apply(float[] edges, int n) {
            int plane = shape.height() * shape.width();
            float[] filled = new float[n * shape.size()];
            for (int i = 0; i < n; i++) {
                int[] regions = regions(edges, i * plane, shape);
                for (int c = 0; c < shape.channels(); c++) {
                    float[] channel = new float[plane];
                    for (int p = 0; p < plane; p++) {
                        channel[p] = values[regions[p]][c];
                    }
                    System.arraycopy(blurred(channel, shape), 0, filled, i * shape.size() + c * plane, plane);
                }
            }
            return filled;
        }

        /** Each pixel's region: edges, then a breadth-first fill of the non-edge pixels from the border. */
        private static int[] regions(float[] edges, int offset, ImageShape shape) {
            int h = shape.height();
            int w = shape.width();
            int[] regions = new int[h * w];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int p = 0; p < h * w; p++) {
                boolean border = p / w == 0 || p / w == h - 1 || p % w == 0 || p % w == w - 1;
                regions[p] = edges[offset + p] > 0.5f ? EDGE : INSIDE;
                if (border && regions[p] == INSIDE) {
                    regions[p] = OUTSIDE;
                    queue.add(p);
                }
            }
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int y = p / w;
                int x = p % w;
                int[] next = {y > 0 ? p - w : -1, y < h - 1 ? p + w : -1, x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1};
                for (int q : next) {
                    if (q >= 0 && regions[q] == INSIDE) {
                        regions[q] = OUTSIDE;
                        queue.add(q);
                    }
                }
            }
            return regions;
        }

        private static float[] blurred(float[] plane, ImageShape shape) {
            try (PointerScope scope = new PointerScope()) {
                Mat mat = new Mat(shape.height(), shape.width(), opencv_core.CV_32FC1);
                ((FloatBuffer) mat.createBuffer()).put(plane);
                Mat out = new Mat();
                opencv_imgproc.GaussianBlur(mat, out, new Size(0, 0), BLUR);
                float[] values = new float[plane.length];
                ((FloatBuffer) out.createBuffer()).get(values);
                return values;
            }
        }
    }
}
