package dev.regen.data.damage;

import dev.regen.RegenException;

/**
 * A corruption's written form, {@code kind:value}, and the readers each kind parses its value
 * with; every failure names the whole form and what it needs.
 *
 * @param text   the whole form, for messages
 * @param value  what follows the colon
 * @param stored whether it was read back from a model file, where files it names are read only
 *               when used
 */
record Spec(String text, String value, boolean stored) {
    /** The value as a number in [min, max]. */
    double real(double min, double max) {
        try {
            double v = Double.parseDouble(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new RegenException("corruption '" + text + "' needs a number from " + min + " to " + max);
    }

    /** The value as a whole number in [min, max]. */
    int whole(int min, int max) {
        return whole(value, min, max);
    }

    /** The first of two whole numbers written {@code COUNTxSIZE}. */
    int first(int min, int max) {
        return whole(pair()[0], min, max);
    }

    /** The second of two whole numbers written {@code COUNTxSIZE}. */
    int second(int min, int max) {
        return whole(pair()[1], min, max);
    }

    private String[] pair() {
        String[] parts = value.split("x", -1);
        if (parts.length != 2) {
            throw new RegenException("corruption '" + text + "' needs two numbers as COUNTxSIZE, e.g. 3x8");
        }
        return parts;
    }

    private int whole(String number, int min, int max) {
        try {
            int v = Integer.parseInt(number);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new RegenException("corruption '" + text + "' needs a whole number from " + min + " to " + max);
    }
}
