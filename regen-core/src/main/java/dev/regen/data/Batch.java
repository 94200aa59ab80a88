package dev.regen.data;

/**
 * A batch of images ready to become a tensor.
 *
 * @param pixels {@code count} images, channels first, one after the other
 * @param labels one label per image (-1 when unlabelled)
 * @param count  images in the batch
 */
public record Batch(float[] pixels, int[] labels, int count) {
}
