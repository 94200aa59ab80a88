package dev.regen.restore;

import dev.regen.config.ImageShape;
import dev.regen.data.damage.Baseline;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Damaged;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_photo;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The classical methods for each kind of damage, from OpenCV (Bytedeco's build from Maven
 * Central): median filter, Gaussian blur and non-local means (Buades et al. 2005) for noise,
 * Telea's fast marching (2004) and Navier-Stokes diffusion for missing pixels, bicubic
 * interpolation for low resolution, unsharp masking for blur. Each works plane by plane, so any
 * channel count is fine. Parameters are fixed, not tuned per image.
 */
public final class ClassicalBaselines {
    /** Radius, in pixels, of the neighbourhood both inpainting methods draw from. */
    private static final double INPAINT_RADIUS = 3;

    private ClassicalBaselines() {
    }

    /** The methods that address {@code corruption}, as the corruption chooses them. */
    public static List<ClassicalMethod> forCorruption(Corruption corruption) {
        return corruption.baselines().stream().map(ClassicalBaselines::method).toList();
    }

    /** The OpenCV implementation of {@code baseline}. */
    static ClassicalMethod method(Baseline baseline) {
        double p = baseline.parameter();
        return switch (baseline.kind()) {
            case MEDIAN -> median((int) p);
            case GAUSSIAN_BLUR -> gaussian(p);
            case NON_LOCAL_MEANS -> nonLocalMeans(p);
            case TELEA -> inpaint("telea", opencv_photo.INPAINT_TELEA);
            case NAVIER_STOKES -> inpaint("navier-stokes", opencv_photo.INPAINT_NS);
            case NEAREST -> upscale("nearest", opencv_imgproc.INTER_NEAREST);
            case BICUBIC -> upscale("bicubic", opencv_imgproc.INTER_CUBIC);
            case UNSHARP -> unsharp(p);
        };
    }

    private static ClassicalMethod median(int size) {
        return new ClassicalMethod("median " + size + "x" + size, (damaged, original) ->
                perPlane(damaged, plane -> {
                    Mat out = new Mat();
                    opencv_imgproc.medianBlur(toBytes(plane), out, size);
                    return out;
                }));
    }

    private static ClassicalMethod gaussian(double sigma) {
        return new ClassicalMethod("gaussian blur " + sigma, (damaged, original) ->
                perPlane(damaged, plane -> {
                    Mat out = new Mat();
                    opencv_imgproc.GaussianBlur(plane, out, new Size(0, 0), sigma);
                    return out;
                }));
    }

    /**
     * Non-local means with 3x3 patches searched in an 11x11 window and filter strength h = 0.8
     * sigma (8-bit units): the best of 45 settings (patch 3/5/7, window 7/11/21, h 0.4-1.3 sigma)
     * on 200 Fashion-MNIST training images with noise 0.3; OpenCV's defaults (7, 21, h = sigma)
     * lost 3 dB there on images this small.
     */
    private static ClassicalMethod nonLocalMeans(double sigma) {
        float h = (float) (0.8 * sigma * 255);
        return new ClassicalMethod("non-local means", (damaged, original) -> damaged.shape().channels() == 3
                ? colourNonLocalMeans(damaged, h)
                : perPlane(damaged, plane -> {
                    Mat out = new Mat();
                    opencv_photo.fastNlMeansDenoising(toBytes(plane), out, h, 3, 11);
                    return out;
                }));
    }

    /**
     * OpenCV's colour variant for RGB images, as a user of colour images would call it: it
     * denoises the lightness and the colour of CIELAB apart (the same strength for both), which
     * keeps colour noise from bleeding across channels as plane-by-plane filtering does.
     */
    private static float[] colourNonLocalMeans(Damaged damaged, float h) {
        ImageShape shape = damaged.shape();
        int plane = shape.height() * shape.width();
        float[] result = new float[shape.size()];
        try (PointerScope scope = new PointerScope()) {
            MatVector bgr = new MatVector(3);
            for (int c = 0; c < 3; c++) {
                float[] values = java.util.Arrays.copyOfRange(damaged.pixels(), c * plane, (c + 1) * plane);
                bgr.put(2 - c, toBytes(floatPlane(values, shape.height(), shape.width())));   // OpenCV wants BGR
            }
            Mat colour = new Mat();
            opencv_core.merge(bgr, colour);
            Mat denoised = new Mat();
            opencv_photo.fastNlMeansDenoisingColored(colour, denoised, h, h, 3, 11);
            MatVector planes = new MatVector();
            opencv_core.split(denoised, planes);
            for (int c = 0; c < 3; c++) {
                FloatBuffer buffer = toFloats(planes.get(2 - c)).createBuffer();
                for (int i = 0; i < plane; i++) {
                    result[c * plane + i] = Corruption.clamp(buffer.get(i));
                }
            }
        }
        return result;
    }

    private static ClassicalMethod inpaint(String name, int flags) {
        return new ClassicalMethod(name, (damaged, original) -> {
            Mat holes = toBytes(floatPlane(missing(damaged.known()), damaged.shape().height(), damaged.shape().width()));
            return perPlane(damaged, plane -> {
                Mat out = new Mat();
                opencv_photo.inpaint(toBytes(plane), holes, out, INPAINT_RADIUS, flags);
                return out;
            });
        });
    }

    private static ClassicalMethod upscale(String name, int interpolation) {
        return new ClassicalMethod(name, (damaged, original) -> {
            ImageShape target = new ImageShape(damaged.shape().channels(), original.height(), original.width());
            return perPlane(damaged, target, plane -> {
                Mat out = new Mat();
                opencv_imgproc.resize(plane, out, new Size(original.width(), original.height()), 0, 0, interpolation);
                return out;
            });
        });
    }

    /** Unsharp masking: x + (x - blur(x)), with the blur of the damage itself. */
    private static ClassicalMethod unsharp(double sigma) {
        return new ClassicalMethod("unsharp mask", (damaged, original) ->
                perPlane(damaged, plane -> {
                    Mat blurred = new Mat();
                    opencv_imgproc.GaussianBlur(plane, blurred, new Size(0, 0), sigma);
                    Mat out = new Mat();
                    opencv_core.addWeighted(plane, 2.0, blurred, -1.0, 0.0, out);
                    return out;
                }));
    }

    private static float[] perPlane(Damaged damaged, UnaryOperator<Mat> op) {
        return perPlane(damaged, damaged.shape(), op);
    }

    /** Runs {@code op} on each channel as a one-channel float Mat; the results, clamped to [0, 1], form {@code out}. */
    private static float[] perPlane(Damaged damaged, ImageShape out, UnaryOperator<Mat> op) {
        ImageShape in = damaged.shape();
        int inPlane = in.height() * in.width();
        int outPlane = out.height() * out.width();
        float[] result = new float[out.size()];
        try (PointerScope scope = new PointerScope()) {
            for (int c = 0; c < in.channels(); c++) {
                float[] values = new float[inPlane];
                System.arraycopy(damaged.pixels(), c * inPlane, values, 0, inPlane);
                Mat restored = toFloats(op.apply(floatPlane(values, in.height(), in.width())));
                FloatBuffer buffer = restored.createBuffer();
                for (int i = 0; i < outPlane; i++) {
                    result[c * outPlane + i] = Corruption.clamp(buffer.get(i));
                }
            }
        }
        return result;
    }

    private static Mat floatPlane(float[] values, int height, int width) {
        Mat mat = new Mat(height, width, opencv_core.CV_32FC1);
        ((FloatBuffer) mat.createBuffer()).put(values);
        return mat;
    }

    /** 8-bit copy of a [0, 1] float plane, as the 8-bit-only OpenCV methods need. */
    private static Mat toBytes(Mat plane) {
        Mat bytes = new Mat();
        plane.convertTo(bytes, opencv_core.CV_8U, 255.0, 0.0);
        return bytes;
    }

    private static Mat toFloats(Mat plane) {
        if (plane.depth() == opencv_core.CV_32F) {
            return plane;
        }
        Mat floats = new Mat();
        plane.convertTo(floats, opencv_core.CV_32F, 1 / 255.0, 0.0);
        return floats;
    }

    private static float[] missing(float[] known) {
        float[] missing = new float[known.length];
        for (int i = 0; i < known.length; i++) {
            missing[i] = 1 - known[i];
        }
        return missing;
    }
}
