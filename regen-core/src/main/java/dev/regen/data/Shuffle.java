package dev.regen.data;

import java.util.Random;

/** Seeded permutations, so that data order is a pure function of the seed and the epoch. */
public final class Shuffle {
    private Shuffle() {
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
    public static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The order of epoch {@code epoch} of a run seeded with {@code seed}. */
    public static int[] epochOrder(int n, long seed, int epoch) {
        return permutation(n, new Random(seed * 1_000_003L + epoch));
    }
}
