package dev.regen.data;

import dev.regen.config.ImageShape;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A random-access collection of images as plain floats, channels first, values in [0, 1].
 *
 * <p>Implementations either hold their pixels in memory or read them from disk on demand; they are
 * safe to read from one thread at a time and from the loader's prefetch thread.
 */
public interface ImageDataset {
    /** Shape of every image. */
    ImageShape shape();

    /** Number of images. */
    int size();

    /** Copies image {@code index} into {@code dst} starting at {@code offset} ({@code shape().size()} floats). */
    void read(int index, float[] dst, int offset);

    /** Class count, or 0 when the images carry no labels. */
    int classes();

    /** Names of the classes, in label order: the class folders' names, or the label numbers; empty when unlabelled. */
    default List<String> classNames() {
        return IntStream.range(0, classes()).mapToObj(String::valueOf).toList();
    }

    /** Class label of image {@code index} in {@code [0, classes())}, or -1 when unlabelled. */
    int label(int index);

    /** Where the images came from, for provenance and messages. */
    String source();

    /** Every image's class label, in order (-1 for each when unlabelled). */
    default int[] labels() {
        int[] labels = new int[size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(i);
        }
        return labels;
    }

    /** The images at {@code indices}, one after the other in a new array. */
    default float[] read(int... indices) {
        int size = shape().size();
        float[] pixels = new float[indices.length * size];
        for (int i = 0; i < indices.length; i++) {
            read(indices[i], pixels, i * size);
        }
        return pixels;
    }
}
