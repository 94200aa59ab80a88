package dev.regen.data;

import dev.regen.config.ImageShape;

import java.util.List;

/**
 * A dataset that changes how another one's images read, keeping its size, shape and labels; a
 * view overrides {@link #read} (and {@link #shape} or {@link #source} where it changes them).
 */
public abstract class DatasetView implements ImageDataset {
    /** The dataset viewed. */
    protected final ImageDataset base;

    /** A view of {@code base}. */
    protected DatasetView(ImageDataset base) {
        this.base = base;
    }

    @Override
    public ImageShape shape() {
        return base.shape();
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public int classes() {
        return base.classes();
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public int label(int index) {
        return base.label(index);
    }
}
