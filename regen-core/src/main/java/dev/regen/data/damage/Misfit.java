package dev.regen.data.damage;

/**
 * How far an observation y may be from the damage of a candidate x: -log p(y | x) up to a
 * constant, summed over pixels, as a norm of the residual A(x) - y at a scale.
 *
 * @param norm  {@link Norm#SQUARED} for a Gaussian of standard deviation {@code scale},
 *              {@link Norm#ABSOLUTE} for a Laplace of scale {@code scale}
 * @param scale in pixel units
 */
public record Misfit(Norm norm, double scale) {
    /**
     * Assumed error of an otherwise exact observation (masks, downsampling, blur): 8-bit rounding
     * and the model's own error, in pixel units.
     */
    public static final double EXACT_SCALE = 0.05;

    /** The residual's norm. */
    public enum Norm {
        /** r^2 / (2 scale^2): Gaussian noise. */
        SQUARED,
        /** |r| / scale: Laplace noise, for impulses, which are outliers a squared error would chase. */
        ABSOLUTE
    }

    /** An observation exact but for rounding. */
    public static Misfit exact() {
        return new Misfit(Norm.SQUARED, EXACT_SCALE);
    }
}
