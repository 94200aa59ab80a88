package dev.regen.data;

import dev.regen.RegenException;

import java.util.Arrays;
import java.util.Random;

/**
 * The few labelled images of a small-data protocol (a semi-supervised probe, a classifier trained
 * on 100 images per class): a seeded draw of the same number from each class.
 */
public final class LabelledDraw {
    private LabelledDraw() {
    }

    /**
     * Indices of {@code perClass} images of each of {@code classes} classes, drawn by {@code seed},
     * in increasing order.
     *
     * @throws RegenException when a class has fewer images than asked for
     */
    public static int[] perClass(int[] labels, int classes, int perClass, long seed) {
        boolean[] every = new boolean[classes];
        Arrays.fill(every, true);
        return perClass(labels, every, perClass, seed);
    }

    /**
     * {@code perClass} images of each class of {@code data} that it has images of (after
     * {@code --labels}, only the kept ones), drawn by {@code seed}.
     *
     * @throws RegenException when the data has no labels or a class has fewer images than asked for
     */
    public static Subset perClass(ImageDataset data, int perClass, long seed) {
        if (data.classes() == 0) {
            throw new RegenException(data.source() + " has no class labels to draw images per class from");
        }
        int[] labels = data.labels();
        boolean[] present = new boolean[data.classes()];
        for (int label : labels) {
            present[label] = true;
        }
        return new Subset(data, perClass(labels, present, perClass, seed), perClass + " per class");
    }

    /** The draw from the classes marked in {@code wanted}. */
    private static int[] perClass(int[] labels, boolean[] wanted, int perClass, long seed) {
        if (perClass < 1) {
            throw new RegenException("give at least one labelled image per class, got " + perClass);
        }
        int[] taken = new int[wanted.length];
        int[] rows = Arrays.stream(Shuffle.permutation(labels.length, new Random(seed)))
                .filter(i -> labels[i] >= 0 && labels[i] < wanted.length && wanted[labels[i]]
                        && taken[labels[i]]++ < perClass)
                .sorted().toArray();
        for (int c = 0; c < wanted.length; c++) {
            if (wanted[c] && taken[c] < perClass) {
                throw new RegenException("class " + c + " has " + taken[c] + " labelled images, fewer than the "
                        + perClass + " per class asked for");
            }
        }
        return rows;
    }
}
