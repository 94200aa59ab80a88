package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

import java.util.List;

/** Two datasets of one shape and one set of classes, read one after the other: real images and synthetic ones. */
public final class Joined implements ImageDataset {
    private final ImageDataset first;
    private final ImageDataset second;

    /**
     * @throws RegenException when the two differ in shape or in their classes
     */
    public Joined(ImageDataset first, ImageDataset second) {
        if (!first.shape().equals(second.shape())) {
            throw new RegenException(second.source() + " holds " + second.shape() + " images, " + first.source()
                    + " " + first.shape());
        }
        if (first.classes() != second.classes()) {
            throw new RegenException(second.source() + " has " + second.classes() + " classes, " + first.source()
                    + " " + first.classes() + ": added images must be labelled alike");
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public ImageShape shape() {
        return first.shape();
    }

    @Override
    public int size() {
        return first.size() + second.size();
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        if (index < first.size()) {
            first.read(index, dst, offset);
        } else {
            second.read(index - first.size(), dst, offset);
        }
    }

    @Override
    public int classes() {
        return first.classes();
    }

    @Override
    public List<String> classNames() {
        return first.classNames();
    }

    @Override
    public int label(int index) {
        return index < first.size() ? first.label(index) : second.label(index - first.size());
    }

    @Override
    public String source() {
        return first.source() + " + " + second.source();
    }
}
