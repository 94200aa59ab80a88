package dev.regen.train;

import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.data.ImageDataset;

import java.util.stream.IntStream;

/** Items of two images stacked as channels (pairs, or one image of each of two domains), taken apart again. */
final class StackedImages {
    private StackedImages() {
    }

    /**
     * The images of domain A and of domain B of a translation model's {@code count} items from
     * {@code start}, as two arrays.
     */
    static float[][] split(ImageDataset stacked, int start, int count, ModelConfig model) {
        ImageShape first = model.sourceShape();
        ImageShape second = model.shape();
        float[] items = stacked.read(IntStream.range(start, start + count).toArray());
        float[] a = new float[count * first.size()];
        float[] b = new float[count * second.size()];
        int item = first.size() + second.size();
        for (int i = 0; i < count; i++) {
            System.arraycopy(items, i * item, a, i * first.size(), first.size());
            System.arraycopy(items, i * item + first.size(), b, i * second.size(), second.size());
        }
        return new float[][]{a, b};
    }
}
