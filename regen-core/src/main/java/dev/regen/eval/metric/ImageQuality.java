package dev.regen.eval.metric;

import dev.regen.config.ImageShape;

/**
 * Full-reference image quality of a restored image against its original, both channels-first
 * floats in [0, 1]: PSNR in decibels and SSIM (Wang et al. 2004).
 */
public final class ImageQuality {
    /** PSNR of identical images is infinite; report this cap instead so that means stay finite. */
    public static final double MAX_PSNR = 100.0;
    /** SSIM's Gaussian window: 11x11, sigma 1.5, as in Wang et al. 2004, section III-C. */
    private static final int WINDOW = 11;
    private static final double WINDOW_SIGMA = 1.5;
    /** SSIM's stabilising constant (K1 L)^2 with K1 0.01 and the data range L = 1. */
    public static final double SSIM_C1 = 1e-4;
    /** SSIM's stabilising constant (K2 L)^2 with K2 0.03 and the data range L = 1. */
    public static final double SSIM_C2 = 9e-4;
    private static final double[] WEIGHTS = gaussianWindow();

    private ImageQuality() {
    }

    /** Peak signal-to-noise ratio 10 log10(1 / MSE) of one image, in dB, capped at {@link #MAX_PSNR}. */
    public static double psnr(float[] reference, float[] test, int offset, ImageShape shape) {
        double squared = 0;
        for (int i = 0; i < shape.size(); i++) {
            double d = reference[offset + i] - test[offset + i];
            squared += d * d;
        }
        double mse = squared / shape.size();
        return mse == 0 ? MAX_PSNR : Math.min(MAX_PSNR, 10 * Math.log10(1.0 / mse));
    }

    /**
     * Mean SSIM of one image: the Gaussian-weighted local SSIM at every position where the whole
     * window fits, averaged over positions and channels. Images smaller than the window use one
     * window the size of the image.
     */
    public static double ssim(float[] reference, float[] test, int offset, ImageShape shape) {
        int h = shape.height();
        int w = shape.width();
        int size = ssimWindowSize(h, w);
        double[] weights = size == WINDOW ? WEIGHTS : uniformWindow(size);
        double total = 0;
        int count = 0;
        for (int c = 0; c < shape.channels(); c++) {
            int plane = offset + c * h * w;
            for (int y = 0; y + size <= h; y++) {
                for (int x = 0; x + size <= w; x++) {
                    total += localSsim(reference, test, plane, w, y, x, size, weights);
                    count++;
                }
            }
        }
        return total / count;
    }

    /** The side of SSIM's square window for images of {@code height} x {@code width}: 11, or the smaller side. */
    public static int ssimWindowSize(int height, int width) {
        return Math.min(WINDOW, Math.min(height, width));
    }

    /**
     * The weights of SSIM's window for images of {@code height} x {@code width}, row-major and summing
     * to 1: the 11x11 Gaussian, or a uniform window of {@link #ssimWindowSize} when the image is smaller.
     */
    public static double[] ssimWindow(int height, int width) {
        int size = ssimWindowSize(height, width);
        return size == WINDOW ? WEIGHTS.clone() : uniformWindow(size);
    }

    private static double localSsim(float[] a, float[] b, int plane, int width, int top, int left, int size,
                                    double[] weights) {
        double meanA = 0;
        double meanB = 0;
        double squareA = 0;
        double squareB = 0;
        double product = 0;
        for (int dy = 0; dy < size; dy++) {
            int row = plane + (top + dy) * width + left;
            for (int dx = 0; dx < size; dx++) {
                double weight = weights[dy * size + dx];
                double va = a[row + dx];
                double vb = b[row + dx];
                meanA += weight * va;
                meanB += weight * vb;
                squareA += weight * va * va;
                squareB += weight * vb * vb;
                product += weight * va * vb;
            }
        }
        double varA = squareA - meanA * meanA;
        double varB = squareB - meanB * meanB;
        double covariance = product - meanA * meanB;
        return (2 * meanA * meanB + SSIM_C1) * (2 * covariance + SSIM_C2)
                / ((meanA * meanA + meanB * meanB + SSIM_C1) * (varA + varB + SSIM_C2));
    }

    private static double[] gaussianWindow() {
        double[] weights = new double[WINDOW * WINDOW];
        int centre = WINDOW / 2;
        double sum = 0;
        for (int y = 0; y < WINDOW; y++) {
            for (int x = 0; x < WINDOW; x++) {
                double r2 = (y - centre) * (y - centre) + (x - centre) * (x - centre);
                weights[y * WINDOW + x] = Math.exp(-r2 / (2 * WINDOW_SIGMA * WINDOW_SIGMA));
                sum += weights[y * WINDOW + x];
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    private static double[] uniformWindow(int size) {
        double[] weights = new double[size * size];
        java.util.Arrays.fill(weights, 1.0 / weights.length);
        return weights;
    }
}
