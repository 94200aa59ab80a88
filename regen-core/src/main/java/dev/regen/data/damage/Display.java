package dev.regen.data.damage;

import dev.regen.config.ImageShape;

/** How a damaged image is shown beside its original: at the original's size. */
public final class Display {
    private Display() {
    }

    /** The damaged pixels, enlarged by repeating each pixel when the damage made the image smaller. */
    public static float[] atOriginalSize(Damaged damaged, ImageShape original) {
        ImageShape small = damaged.shape();
        if (small.equals(original)) {
            return damaged.pixels();
        }
        float[] out = new float[original.size()];
        for (int c = 0; c < original.channels(); c++) {
            for (int y = 0; y < original.height(); y++) {
                int sy = y * small.height() / original.height();
                for (int x = 0; x < original.width(); x++) {
                    int sx = x * small.width() / original.width();
                    out[(c * original.height() + y) * original.width() + x] =
                            damaged.pixels()[(c * small.height() + sy) * small.width() + sx];
                }
            }
        }
        return out;
    }
}
