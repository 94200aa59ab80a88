package dev.regen.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.regen.RegenException;

import java.util.Locale;

/**
 * The colour transparent pixels are composited onto when images with alpha are read, the same in
 * training, evaluation and restoration: out = alpha x colour + (1 - alpha) x background.
 *
 * @param red   in [0, 1]
 * @param green in [0, 1]
 * @param blue  in [0, 1]
 */
public record Background(double red, double green, double blue) {
    /** White, the default: what a transparent image looks like on a page. */
    public static final Background WHITE = new Background(1, 1, 1);
    /** Black. */
    public static final Background BLACK = new Background(0, 0, 0);

    /** Validates the range and rounds to 8-bit levels, as the background is written. */
    public Background {
        Check.range("background red", red, 0, 1);
        Check.range("background green", green, 0, 1);
        Check.range("background blue", blue, 0, 1);
        red = Math.round(red * 255) / 255.0;
        green = Math.round(green * 255) / 255.0;
        blue = Math.round(blue * 255) / 255.0;
    }

    /** Whether red, green and blue are equal, so that grey images stay grey over it. */
    public boolean isGrey() {
        return red == green && green == blue;
    }

    /** The background's brightness for a grey image: ITU-R BT.601 luma, as grey conversion takes it. */
    public double grey() {
        return 0.299 * red + 0.587 * green + 0.114 * blue;
    }

    /** Parses {@code white}, {@code black} or {@code #rrggbb}. */
    @JsonCreator
    public static Background parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("white")) {
            return WHITE;
        }
        if (n.equals("black")) {
            return BLACK;
        }
        if (n.matches("#[0-9a-f]{6}")) {
            int rgb = Integer.parseInt(n.substring(1), 16);
            return new Background(((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
        }
        throw new RegenException("background must be white, black or a colour #rrggbb, got '" + name + "'");
    }

    /** The written form: {@code white}, {@code black} or {@code #rrggbb}. */
    @JsonValue
    public String id() {
        if (equals(WHITE)) {
            return "white";
        }
        if (equals(BLACK)) {
            return "black";
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(red * 255), Math.round(green * 255),
                Math.round(blue * 255));
    }

    @Override
    public String toString() {
        return id();
    }
}
