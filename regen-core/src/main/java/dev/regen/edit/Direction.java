package dev.regen.edit;

import dev.regen.RegenException;

/**
 * A named direction in latent space.
 *
 * @param name    what {@code regen edit --direction} calls it
 * @param meaning what moving along it does, in words
 * @param scale   the latent distance an amount of 1 moves: from one class mean to the other, or
 *                one standard deviation of the codes along a principal direction
 * @param unit    the direction, of length 1
 */
public record Direction(String name, String meaning, double scale, float[] unit) {
    /** The largest amount an edit may ask for: beyond it codes leave what the model has seen. */
    public static final double MAX_AMOUNT = 10;

    /** Validates the fields. */
    public Direction {
        if (name == null || name.isBlank() || unit == null || unit.length == 0 || !(scale >= 0)) {
            throw new RegenException("a direction needs a name, a vector and a scale of at least 0");
        }
        unit = unit.clone();
    }

    /**
     * Fails unless {@code amount} is within {@link #MAX_AMOUNT} either way.
     *
     * @throws RegenException saying what an amount of 1 moves
     */
    public void requireAmount(double amount) {
        if (!(Math.abs(amount) <= MAX_AMOUNT)) {
            throw new RegenException("amount " + amount + " is out of range: give one between -" + MAX_AMOUNT
                    + " and " + MAX_AMOUNT + " (1 moves " + meaning + ")");
        }
    }

    /** {@code codes} (rows of {@code unit.length}) moved by {@code amount} times the scale along this direction. */
    public float[] move(float[] codes, double amount) {
        requireAmount(amount);
        int d = unit.length;
        if (codes.length % d != 0) {
            throw new RegenException("codes of " + codes.length % d + " extra values for a direction of " + d);
        }
        float[] moved = codes.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += (float) (amount * scale * unit[i % d]);
        }
        return moved;
    }
}
