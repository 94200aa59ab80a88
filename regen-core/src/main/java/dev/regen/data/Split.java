package dev.regen.data;

import dev.regen.RegenException;

import java.util.Random;

/**
 * A training set and a held-out test set.
 *
 * @param train images to learn from
 * @param test  images never trained on, for evaluation
 */
public record Split(ImageDataset train, ImageDataset test) {

    /**
     * Holds out a seeded random {@code fraction} of {@code all} as the test set, rounded to at least
     * one image and at most all but one, so that a tiny data set still has both parts.
     */
    public static Split holdOut(ImageDataset all, double fraction, long seed) {
        int n = all.size();
        if (n < 2) {
            throw new RegenException(all.source() + ": training needs at least 2 images to hold out a test set (it has "
                    + n + "), or a separate test set");
        }
        int testCount = Math.max(1, Math.min(n - 1, (int) Math.round(n * fraction)));
        int[] order = Shuffle.permutation(n, new Random(seed));
        int[] test = java.util.Arrays.copyOfRange(order, 0, testCount);
        int[] train = java.util.Arrays.copyOfRange(order, testCount, n);
        java.util.Arrays.sort(test);
        java.util.Arrays.sort(train);
        return new Split(new Subset(all, train, "train"), new Subset(all, test, "test"));
    }
}
