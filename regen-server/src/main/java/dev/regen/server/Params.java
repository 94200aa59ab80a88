package dev.regen.server;

import io.javalin.http.Context;

import java.util.Locale;

/** Query parameters read with a message that names the parameter and its range. */
final class Params {
    private Params() {
    }

    /** The request's JSON body as {@code type}; a body of {@code null} is refused like a missing one. */
    static <T> T body(Context ctx, Class<T> type) {
        // Javalin reads the body once and keeps it; its JSON mapper refuses null with an exception of its own.
        String text = ctx.body().strip();
        if (text.isEmpty() || text.equals("null")) {
            throw StudioError.badRequest("give the request's fields as a JSON object");
        }
        return ctx.bodyAsClass(type);
    }

    /** The required text parameter {@code name}. */
    static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw StudioError.badRequest("give the parameter '" + name + "'");
        }
        return value;
    }

    /** The whole-number parameter {@code name} in [min, max], or {@code fallback} when absent. */
    static long whole(Context ctx, String name, long fallback, long min, long max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return inRange(name, Long.parseLong(value.strip()), min, max);
        } catch (NumberFormatException e) {
            throw StudioError.badRequest("'" + name + "' must be a whole number, got '" + value + "'");
        }
    }

    /** The optional whole-number parameter {@code name} in [min, max], or null when absent. */
    static Integer optional(Context ctx, String name, int min, int max) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : (int) whole(ctx, name, 0, min, max);
    }

    /** The comma-separated numbers of parameter {@code name}, none when absent. */
    static double[] numbers(Context ctx, String name, int most) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return new double[0];
        }
        String[] parts = value.split(",", -1);
        if (parts.length > most) {
            throw StudioError.badRequest("'" + name + "' takes at most " + most + " numbers, got " + parts.length);
        }
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw StudioError.badRequest("'" + name + "' must be numbers separated by commas, got '" + value + "'");
            }
            if (!Double.isFinite(numbers[i])) {
                throw StudioError.badRequest("'" + name + "' must be finite numbers, got '" + parts[i] + "'");
            }
        }
        return numbers;
    }

    /** {@code value} if in [min, max]. */
    static long inRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw StudioError.badRequest(String.format(Locale.ROOT, "'%s' must be between %d and %d, got %d", name,
                    min, max, value));
        }
        return value;
    }
}
