package dev.regen.eval.metric;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureMetricsTest {
    /** n vectors of d independent Gaussians with the given means and standard deviations. */
    private static float[] gaussian(int n, double[] mean, double[] sd, long seed) {
        Random random = new Random(seed);
        int d = mean.length;
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i * d + k] = (float) (mean[k] + sd[k] * random.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void eigenDecompositionReconstructsTheMatrix() {
        double[][] m = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 2}};
        SymmetricEigen e = SymmetricEigen.of(m);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += e.vectors()[i][k] * e.values()[k] * e.vectors()[j][k];
                }
                assertEquals(m[i][j], sum, 1e-10);
            }
        }
        assertEquals(9.0, e.values()[0] + e.values()[1] + e.values()[2], 1e-10, "trace is preserved");
    }

    @Test
    void frechetDistanceOfDiagonalGaussiansMatchesTheClosedForm() {
        // For diagonal covariances: sum_k (m1 - m2)^2 + (s1 - s2)^2.
        double[] m1 = {0, 1};
        double[] m2 = {2, 1};
        double[] s1 = {1, 2};
        double[] s2 = {1, 0.5};
        float[] a = gaussian(40_000, m1, s1, 1);
        float[] b = gaussian(40_000, m2, s2, 2);
        double expected = 4 + 0 + 0 + 1.5 * 1.5;
        assertEquals(expected, FeatureMetrics.frechet(a, b, 2), 0.1);
        assertEquals(0.0, FeatureMetrics.frechet(a, a, 2), 1e-6);
    }

    @Test
    void kernelDistanceIsNearZeroForOneDistributionAndPositiveForTwo() {
        double[] zero = new double[4];
        double[] one = {1, 1, 1, 1};
        float[] a = gaussian(2000, zero, one, 3);
        float[] b = gaussian(2000, zero, one, 4);
        float[] c = gaussian(2000, one, one, 5);
        double same = FeatureMetrics.kernelDistance(a, b, 4, 5, 500, 1);
        double shifted = FeatureMetrics.kernelDistance(a, c, 4, 5, 500, 1);
        assertTrue(Math.abs(same) < 0.05, "same distribution: " + same);
        assertTrue(shifted > 1, "shifted by one sd in every dimension: " + shifted);
    }

    @Test
    void precisionAndRecallSeparateOverlapFromDisjointSets() {
        double[] zero = new double[3];
        double[] one = {1, 1, 1};
        float[] a = gaussian(800, zero, one, 6);
        float[] b = gaussian(800, zero, one, 7);
        float[] far = gaussian(800, new double[]{50, 50, 50}, one, 8);
        double[] same = FeatureMetrics.precisionRecall(a, b, 3, 3);
        assertTrue(same[0] > 0.9 && same[1] > 0.9, same[0] + ", " + same[1]);
        double[] disjoint = FeatureMetrics.precisionRecall(a, far, 3, 3);
        assertEquals(0.0, disjoint[0]);
        assertEquals(0.0, disjoint[1]);
    }

    @Test
    void theMemorisationRatioIsZeroForCopiesAndAboutOneForNewSamples() {
        Random random = new Random(2);
        int d = 8;
        float[] train = new float[500 * d];
        float[] heldOut = new float[200 * d];
        float[] fresh = new float[200 * d];
        for (float[] set : new float[][]{train, heldOut, fresh}) {
            for (int i = 0; i < set.length; i++) {
                set[i] = (float) random.nextGaussian();
            }
        }
        float[] copies = java.util.Arrays.copyOf(train, 200 * d);
        assertEquals(0, FeatureMetrics.memorisation(copies, heldOut, train, d), 1e-12);
        double ratio = FeatureMetrics.memorisation(fresh, heldOut, train, d);
        assertTrue(ratio > 0.85 && ratio < 1.15, "new draws of the same distribution: " + ratio);
    }
}
