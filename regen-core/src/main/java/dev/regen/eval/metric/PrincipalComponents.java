package dev.regen.eval.metric;

import java.util.Arrays;

/**
 * The principal directions of a set of points: the eigenvectors of their covariance, by decreasing
 * variance (as GANSpace, Harkonen et al. 2020, finds a generator's main directions of change).
 *
 * @param mean       the points' mean
 * @param directions unit vectors, one per row, largest variance first
 * @param variances  the variance of the points along each direction
 */
public record PrincipalComponents(double[] mean, double[][] directions, double[] variances) {
    /** The principal components of the rows of {@code x}, {@code d} values each. */
    public static PrincipalComponents of(float[] x, int d) {
        double[] mean = FeatureMetrics.mean(x, d);
        SymmetricEigen eigen = SymmetricEigen.of(FeatureMetrics.covariance(x, d, mean));
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(eigen.values()[b], eigen.values()[a]));
        double[][] directions = new double[d][d];
        double[] variances = new double[d];
        for (int k = 0; k < d; k++) {
            variances[k] = Math.max(0, eigen.values()[order[k]]);
            for (int i = 0; i < d; i++) {
                directions[k][i] = eigen.vectors()[i][order[k]];
            }
        }
        return new PrincipalComponents(mean, directions, variances);
    }

    /** The share of the total variance along direction {@code k}. */
    public double share(int k) {
        double total = Arrays.stream(variances).sum();
        return total == 0 ? 0 : variances[k] / total;
    }
}
