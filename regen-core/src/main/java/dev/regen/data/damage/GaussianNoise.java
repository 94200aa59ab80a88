package dev.regen.data.damage;

import dev.regen.config.Check;
import dev.regen.config.ImageShape;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Additive white Gaussian noise of standard deviation {@code sigma} (pixel values in [0, 1]),
 * clamped back to [0, 1] as any stored image would be.
 */
public record GaussianNoise(double sigma) implements Noise {
    /** Validates the range. */
    public GaussianNoise {
        Check.range("noise sigma", sigma, 0.0, 10.0);
    }

    /** Noise a user knows to be of {@code sigma}; restoration needs it above zero. */
    public static GaussianNoise of(double sigma) {
        Check.range("sigma", sigma, 1e-3, 10);
        return new GaussianNoise(sigma);
    }

    static GaussianNoise parse(Spec spec) {
        return new GaussianNoise(spec.real(0, 10));
    }

    @Override
    public Damaged apply(float[] clean, int offset, ImageShape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[shape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Corruption.clamp(clean[offset + i] + sigma * Gaussians.next(random));
        }
        return new Damaged(out, shape, null);
    }

    @Override
    public Misfit misfit() {
        return new Misfit(Misfit.Norm.SQUARED, sigma);
    }

    /**
     * Non-local means with the noise's sigma beside a 3x3 median and a Gaussian blur of sigma 1,
     * the filters a user tries first.
     */
    @Override
    public List<Baseline> baselines() {
        return List.of(new Baseline(Baseline.Kind.MEDIAN, 3), new Baseline(Baseline.Kind.GAUSSIAN_BLUR, 1.0),
                new Baseline(Baseline.Kind.NON_LOCAL_MEANS, sigma));
    }

    @Override
    public String spec() {
        return "noise:" + sigma;
    }

    @Override
    public String toString() {
        return spec();
    }
}
