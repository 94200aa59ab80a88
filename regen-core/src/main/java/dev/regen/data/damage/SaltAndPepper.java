package dev.regen.data.damage;

import dev.regen.config.Check;
import dev.regen.config.ImageShape;

import java.util.List;
import java.util.SplittableRandom;

/** Impulse noise: each value becomes 0 or 1 (equally likely) with probability {@code rate}. */
public record SaltAndPepper(double rate) implements Noise {
    /** Scale of the Laplace misfit for impulse noise, in pixel units. */
    static final double IMPULSE_SCALE = 0.1;

    /** Validates the range. */
    public SaltAndPepper {
        Check.range("salt-and-pepper rate", rate, 0.0, 1.0);
    }

    static SaltAndPepper parse(Spec spec) {
        return new SaltAndPepper(spec.real(0, 1));
    }

    @Override
    public Damaged apply(float[] clean, int offset, ImageShape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[shape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextDouble() < rate ? (random.nextBoolean() ? 1f : 0f) : clean[offset + i];
        }
        return new Damaged(out, shape, null);
    }

    /** Laplace: impulses are outliers that a squared error would chase. */
    @Override
    public Misfit misfit() {
        return new Misfit(Misfit.Norm.ABSOLUTE, IMPULSE_SCALE);
    }

    /** Median filters, which ignore outliers, at two window sizes. */
    @Override
    public List<Baseline> baselines() {
        return List.of(new Baseline(Baseline.Kind.MEDIAN, 3), new Baseline(Baseline.Kind.MEDIAN, 5));
    }

    @Override
    public String spec() {
        return "salt-pepper:" + rate;
    }

    @Override
    public String toString() {
        return spec();
    }
}
