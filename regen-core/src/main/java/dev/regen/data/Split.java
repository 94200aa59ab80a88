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

    /** Holds out a seeded random {@code fraction} of {@code all} as the test set. */
    public static Split holdOut(ImageDataset all, double fraction, long seed) {
        int n = all.size();
        int testCount = (int) Math.round(n * fraction);
        if (testCount < 1 || testCount >= n) {
            throw new RegenException("cannot hold out " + fraction + " of " + n + " images: both parts need at least one");
        }
        int[] order = Shuffle.permutation(n, new Random(seed));
        int[] test = java.util.Arrays.copyOfRange(order, 0, testCount);
        int[] train = java.util.Arrays.copyOfRange(order, testCount, n);
        java.util.Arrays.sort(test);
        java.util.Arrays.sort(train);
        return new Split(new Subset(all, train, "train"), new Subset(all, test, "test"));
    }
}
