package dev.regen.eval.metric;

import dev.regen.RegenException;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Distances between two sets of feature vectors (n x d floats, one vector after the other), the
 * maths of generation-quality scores on plain arrays.
 */
public final class FeatureMetrics {
    private FeatureMetrics() {
    }

    /**
     * Frechet distance between Gaussians fitted to the two sets (Heusel et al. 2017, eq. 6):
     * |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1 S2)^(1/2)). The trace of the square root is the sum of
     * square roots of the eigenvalues of S1^(1/2) S2 S1^(1/2), which is symmetric.
     */
    public static double frechet(float[] a, float[] b, int d) {
        double[] meanA = mean(a, d);
        double[] meanB = mean(b, d);
        double[][] covA = covariance(a, d, meanA);
        double[][] covB = covariance(b, d, meanB);
        double[][] rootA = sqrtPsd(covA);
        double traceRoot = 0;
        for (double lambda : SymmetricEigen.of(multiply(multiply(rootA, covB), rootA)).values()) {
            traceRoot += Math.sqrt(Math.max(lambda, 0));
        }
        double distance = 0;
        for (int i = 0; i < d; i++) {
            distance += (meanA[i] - meanB[i]) * (meanA[i] - meanB[i]) + covA[i][i] + covB[i][i];
        }
        return distance - 2 * traceRoot;
    }

    /**
     * Kernel distance (KID, Binkowski et al. 2018): the unbiased squared MMD with the kernel
     * k(x, y) = (x.y / d + 1)^3, averaged over {@code subsets} random subsets of {@code size}
     * vectors from each set.
     */
    public static double kernelDistance(float[] a, float[] b, int d, int subsets, int size, long seed) {
        int m = Math.min(size, Math.min(a.length, b.length) / d);
        Random random = new Random(seed);
        double total = 0;
        for (int s = 0; s < subsets; s++) {
            int[] ia = sample(a.length / d, m, random);
            int[] ib = sample(b.length / d, m, random);
            double kaa = 0;
            double kbb = 0;
            double kab = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        kaa += kernel(a, ia[i], a, ia[j], d);
                        kbb += kernel(b, ib[i], b, ib[j], d);
                    }
                    kab += kernel(a, ia[i], b, ib[j], d);
                }
            }
            total += kaa / (m * (m - 1.0)) + kbb / (m * (m - 1.0)) - 2 * kab / ((double) m * m);
        }
        return total / subsets;
    }

    /**
     * Improved precision and recall (Kynkaanniemi et al. 2019): the fraction of generated vectors
     * inside the real set's k-nearest-neighbour balls, and of real vectors inside the generated
     * set's.
     *
     * @return {precision, recall}
     */
    public static double[] precisionRecall(float[] real, float[] fake, int d, int k) {
        return new double[]{coverage(real, fake, d, k), coverage(fake, real, d, k)};
    }

    /** Fraction of {@code queries} within the k-NN radius of some vector of {@code manifold}. */
    private static double coverage(float[] manifold, float[] queries, int d, int k) {
        int n = manifold.length / d;
        double[] radii = IntStream.range(0, n).parallel().mapToDouble(i -> {
            double[] distances = new double[n];
            for (int j = 0; j < n; j++) {
                distances[j] = squaredDistance(manifold, i, manifold, j, d);
            }
            Arrays.sort(distances);
            return distances[Math.min(k, n - 1)];   // distances[0] is the vector itself
        }).toArray();
        long inside = IntStream.range(0, queries.length / d).parallel().filter(q -> {
            for (int j = 0; j < n; j++) {
                if (squaredDistance(queries, q, manifold, j, d) <= radii[j]) {
                    return true;
                }
            }
            return false;
        }).count();
        return (double) inside / (queries.length / d);
    }

    /**
     * The memorisation ratio: the median distance from each generated vector to its nearest
     * training vector, over the same median for held-out real vectors (Meehan et al. 2020 test
     * the same quantity for data copying). About 1 when the generator is as far from its training
     * set as new real data is; well below 1 when it reproduces training images.
     */
    public static double memorisation(float[] generated, float[] heldOut, float[] train, int d) {
        double real = median(nearestDistances(heldOut, train, d));
        if (real == 0) {
            throw new RegenException("the held-out real images are training images (half of them have a "
                    + "copy in the training set), so they cannot show what new images look like");
        }
        return median(nearestDistances(generated, train, d)) / real;
    }

    /** Each query's Euclidean distance to its nearest vector of {@code reference}. */
    static double[] nearestDistances(float[] queries, float[] reference, int d) {
        int m = reference.length / d;
        return IntStream.range(0, queries.length / d).parallel().mapToDouble(q -> {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                best = Math.min(best, squaredDistance(queries, q, reference, j, d));
            }
            return Math.sqrt(best);
        }).toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double kernel(float[] x, int i, float[] y, int j, int d) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += x[i * d + k] * y[j * d + k];
        }
        double base = dot / d + 1;
        return base * base * base;
    }

    private static double squaredDistance(float[] x, int i, float[] y, int j, int d) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double diff = x[i * d + k] - y[j * d + k];
            sum += diff * diff;
        }
        return sum;
    }

    private static int[] sample(int n, int m, Random random) {
        return Arrays.copyOf(dev.regen.data.Shuffle.permutation(n, random), m);
    }

    static double[] mean(float[] x, int d) {
        int n = x.length / d;
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += x[i * d + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= n;
        }
        return mean;
    }

    /** Sample covariance with the n - 1 denominator. */
    static double[][] covariance(float[] x, int d, double[] mean) {
        int n = x.length / d;
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                centred[k] = x[i * d + k] - mean[k];
            }
            for (int p = 0; p < d; p++) {
                double cp = centred[p];
                for (int q = p; q < d; q++) {
                    cov[p][q] += cp * centred[q];
                }
            }
        }
        for (int p = 0; p < d; p++) {
            for (int q = p; q < d; q++) {
                cov[p][q] /= n - 1;
                cov[q][p] = cov[p][q];
            }
        }
        return cov;
    }

    /** The symmetric square root of a positive semi-definite matrix. */
    private static double[][] sqrtPsd(double[][] m) {
        SymmetricEigen e = SymmetricEigen.of(m);
        int n = m.length;
        double[][] root = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += e.vectors()[i][k] * Math.sqrt(Math.max(e.values()[k], 0)) * e.vectors()[j][k];
                }
                root[i][j] = sum;
            }
        }
        return root;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double xik = x[i][k];
                for (int j = 0; j < n; j++) {
                    out[i][j] += xik * y[k][j];
                }
            }
        }
        return out;
    }
}
