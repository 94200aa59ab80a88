package dev.regen.data;

import dev.regen.config.ImageShape;

/** A view of some images of another dataset, in a given order. */
public final class Subset implements ImageDataset {
    private final ImageDataset base;
    private final int[] indices;
    private final String name;

    /**
     * @param base    the full dataset
     * @param indices which of its images this view holds
     * @param name    short name of the part, such as "train" or "test"
     */
    public Subset(ImageDataset base, int[] indices, String name) {
        this.base = base;
        this.indices = indices.clone();
        this.name = name;
    }

    @Override
    public ImageShape shape() {
        return base.shape();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        base.read(indices[index], dst, offset);
    }

    @Override
    public int classes() {
        return base.classes();
    }

    @Override
    public int label(int index) {
        return base.label(indices[index]);
    }

    @Override
    public String source() {
        return base.source() + " (" + name + ", " + indices.length + " images)";
    }
}
