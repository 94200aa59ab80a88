package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

import java.util.List;
import java.util.stream.IntStream;

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

    /**
     * The images of {@code data} whose class label is one of {@code labels}, in their order.
     *
     * @throws RegenException when the data has no labels, a label is out of its range, or no image is left
     */
    public static Subset withLabels(ImageDataset data, List<Integer> labels) {
        if (data.classes() == 0) {
            throw new RegenException(data.source() + " has no class labels to select images by");
        }
        requireLabels(data, labels);
        int[] kept = IntStream.range(0, data.size()).filter(i -> labels.contains(data.label(i))).toArray();
        if (kept.length == 0) {
            throw new RegenException(data.source() + " has no images with labels " + labels);
        }
        return new Subset(data, kept, "labels " + labels);
    }

    /** Fails unless every one of {@code labels} is a class of {@code data}. */
    public static void requireLabels(ImageDataset data, List<Integer> labels) {
        for (int label : labels) {
            if (label < 0 || label >= data.classes()) {
                throw new RegenException("label " + label + " is out of range: " + data.source() + " has labels 0 to "
                        + (data.classes() - 1));
            }
        }
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
    public List<String> classNames() {
        return base.classNames();
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
