package dev.regen.data;

import java.util.SplittableRandom;

/**
 * A fixed binarization of a dataset: each pixel value p becomes 1 with probability p, else 0,
 * drawn once per image from a seed and the image's index, so every read gives the same image.
 * This is how a dynamically binarized model's test set is made (Burda et al. 2015, section 5).
 */
public final class Binarized extends DatasetView {
    private final long seed;

    /** Binarizes {@code base} with draws seeded by {@code seed}. */
    public Binarized(ImageDataset base, long seed) {
        super(base);
        this.seed = seed;
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        base.read(index, dst, offset);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        for (int i = 0; i < shape().size(); i++) {
            dst[offset + i] = random.nextDouble() < dst[offset + i] ? 1f : 0f;
        }
    }

    @Override
    public String source() {
        return base.source() + " binarized (seed " + seed + ")";
    }
}
