package dev.regen.config;

import dev.regen.RegenException;

/** Validation helpers for configuration records; each message names the field and its range. */
public final class Check {
    private Check() {
    }

    /** Fails unless {@code min <= value <= max}. */
    public static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new RegenException(field + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** Fails unless {@code min <= value <= max} and the value is a finite number. */
    public static void range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new RegenException(field + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** Fails when a required value is missing. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new RegenException(field + " is required");
        }
        return value;
    }
}
