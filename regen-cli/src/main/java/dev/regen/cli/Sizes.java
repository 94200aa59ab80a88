package dev.regen.cli;

import dev.regen.RegenException;

/** Parses image sizes written as {@code 32} or {@code 64x48} (height x width). */
final class Sizes {
    private Sizes() {
    }

    /** {height, width}, or {0, 0} when {@code text} is null. */
    static int[] parse(String text) {
        if (text == null) {
            return new int[]{0, 0};
        }
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            int h = Integer.parseInt(parts[0].trim());
            int w = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : h;
            if (parts.length > 2 || h < 1 || w < 1) {
                throw new NumberFormatException();
            }
            return new int[]{h, w};
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new RegenException("--size must be N or HxW with positive integers, got '" + text + "'");
        }
    }
}
