package dev.regen.data.damage;

import dev.regen.config.ImageShape;

/**
 * One damaged image and what is known about its damage.
 *
 * @param pixels channels-first values in [0, 1]
 * @param shape  its shape: the original's, or smaller after downsampling
 * @param known  1 where a pixel of the original was observed, 0 where it is missing (one value per
 *               pixel of the original, shared by its channels); null when every pixel was observed
 */
public record Damaged(float[] pixels, ImageShape shape, float[] known) {
}
