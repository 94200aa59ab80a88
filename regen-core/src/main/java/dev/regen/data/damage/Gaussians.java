package dev.regen.data.damage;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom}, which has none of its own. */
final class Gaussians {
    private Gaussians() {
    }

    /** One N(0, 1) draw by the Box-Muller transform. */
    static double next(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();   // in (0, 1]: the logarithm stays finite
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
