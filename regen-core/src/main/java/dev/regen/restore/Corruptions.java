package dev.regen.restore;

import dev.regen.RegenException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads corruptions from their command-line form, {@code kind:parameters}. */
public final class Corruptions {
    /** The forms {@link #parse} accepts, for help texts and error messages. */
    public static final String FORMS = "noise:SIGMA, salt-pepper:RATE, box:SIZE, boxes:COUNTxSIZE, "
            + "strokes:COUNTxWIDTH, mask:PNG, down:FACTOR, blur:SIGMA";

    private Corruptions() {
    }

    /** Parses one corruption, e.g. {@code noise:0.3}, {@code box:14} or {@code down:2}. */
    public static Corruption parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw unknown(spec);
        }
        String kind = spec.substring(0, colon);
        String value = spec.substring(colon + 1);
        return switch (kind) {
            case "noise" -> new GaussianNoise(real(spec, value, 0, 10));
            case "salt-pepper" -> new SaltAndPepper(real(spec, value, 0, 1));
            case "box" -> new Masking(new Mask.CentreBox(whole(spec, value, 1, 4096)));
            case "boxes" -> new Masking(new Mask.RandomBoxes(whole(spec, first(spec, value), 1, 1000),
                    whole(spec, second(spec, value), 1, 4096)));
            case "strokes" -> new Masking(new Mask.Strokes(whole(spec, first(spec, value), 1, 1000),
                    whole(spec, second(spec, value), 1, 4096)));
            case "mask" -> new Masking(Mask.FromImage.read(existing(value)));
            case "down" -> new Downsampling(whole(spec, value, 2, 64));
            case "blur" -> new Blur(real(spec, value, 0.1, 100));
            default -> throw unknown(spec);
        };
    }

    private static RegenException unknown(String spec) {
        return new RegenException("unknown corruption '" + spec + "': use one of " + FORMS);
    }

    private static Path existing(String value) {
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new RegenException("mask file " + path + " does not exist");
        }
        return path;
    }

    private static String first(String spec, String value) {
        return pair(spec, value)[0];
    }

    private static String second(String spec, String value) {
        return pair(spec, value)[1];
    }

    private static String[] pair(String spec, String value) {
        String[] parts = value.split("x", -1);
        if (parts.length != 2) {
            throw new RegenException("corruption '" + spec + "' needs two numbers as COUNTxSIZE, e.g. 3x8");
        }
        return parts;
    }

    private static double real(String spec, String value, double min, double max) {
        try {
            double v = Double.parseDouble(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new RegenException("corruption '" + spec + "' needs a number from " + min + " to " + max);
    }

    private static int whole(String spec, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new RegenException("corruption '" + spec + "' needs a whole number from " + min + " to " + max);
    }
}
