package dev.regen.embed;

import dev.regen.WorkProgress;
import dev.regen.embed.LinearProbe.Features;
import dev.regen.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.Arrays;

/**
 * The k nearest neighbours of every row of a feature matrix by Euclidean distance, each edge
 * weighted by the self-tuning heat kernel of Zelnik-Manor and Perona 2004 (their eq. 2):
 * {@code w_ij = exp(-d_ij^2 / (sigma_i sigma_j))}, with {@code sigma_i} the distance from row i to
 * its k-th neighbour, so that dense and sparse regions of the features weigh alike. The graph used
 * is the symmetrised one, {@code W + W^T}: an edge found from both ends counts twice.
 */
public final class NeighbourGraph {
    /** Rows of distances computed at once: a block of 1,024 x 70,000 floats is 287 MB. */
    private static final int BLOCK = 1024;

    private final int size;
    private final int k;
    private final int[] neighbours;
    private final double[] weights;

    private NeighbourGraph(int size, int k, int[] neighbours, double[] weights) {
        this.size = size;
        this.k = k;
        this.neighbours = neighbours;
        this.weights = weights;
    }

    /**
     * The graph of {@code features}' rows, the distances computed by the engine in blocks of rows.
     *
     * @param k        neighbours of each row, at least 1 and fewer than the rows
     * @param progress told the rows done after each block
     */
    public static NeighbourGraph of(Features features, int k, WorkProgress progress) {
        int size = features.labels().length;
        if (k < 1 || k >= size) {
            throw new IllegalArgumentException("k must be in [1, " + (size - 1) + "], got " + k);
        }
        int[] neighbours = new int[size * k];
        float[] squared = new float[size * k];
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor x = Tensor.create(features.values(), size, features.dimension());
            Tensor squaredNorms = x.square().sum(new long[]{1}, false, new ScalarTypeOptional());
            Tensor transposed = x.t().contiguous();
            for (int start = 0; start < size; start += BLOCK) {
                try (PointerScope blockScope = new PointerScope()) {
                    int rows = Math.min(BLOCK, size - start);
                    // |a - b|^2 = |a|^2 + |b|^2 - 2 a.b in one pass over the block; |a|^2 is the same
                    // along a row, so it joins only the k chosen (clamped at 0 against rounding).
                    Tensor ranking = torch.addmm(squaredNorms.unsqueeze(0), x.narrow(0, start, rows), transposed,
                            Tensors.scalar(1), Tensors.scalar(-2));
                    ranking.diagonal(start, 0, 1).fill_(Tensors.scalar(Double.POSITIVE_INFINITY));
                    T_TensorTensor_T nearest = ranking.topk(k, 1, false, true);
                    Tensor distances = nearest.get0().add(squaredNorms.narrow(0, start, rows).unsqueeze(1))
                            .clamp_min(Tensors.scalar(0));
                    distances.contiguous().data_ptr_float().get(squared, start * k, rows * k);
                    long[] indices = new long[rows * k];
                    nearest.get1().contiguous().data_ptr_long().get(indices);
                    for (int i = 0; i < indices.length; i++) {
                        neighbours[start * k + i] = (int) indices[i];
                    }
                    progress.progress(start + rows, size);
                }
            }
        }
        return new NeighbourGraph(size, k, neighbours, kernel(size, k, neighbours, squared));
    }

    private static double[] kernel(int size, int k, int[] neighbours, float[] squared) {
        double[] scale = new double[size];
        for (int i = 0; i < size; i++) {
            scale[i] = Math.sqrt(squared[i * k + k - 1]);
        }
        double[] weights = new double[size * k];
        for (int i = 0; i < size; i++) {
            for (int t = 0; t < k; t++) {
                double d2 = squared[i * k + t];
                // A duplicate row is at distance 0: full weight, where the formula would give 0 / 0.
                weights[i * k + t] = d2 == 0 ? 1 : Math.exp(-d2 / (scale[i] * scale[neighbours[i * k + t]]));
            }
        }
        return weights;
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    /** Row {@code i}'s t-th nearest neighbour. */
    public int neighbour(int i, int t) {
        return neighbours[i * k + t];
    }

    /** The weight of the edge from row {@code i} to its t-th nearest neighbour. */
    public double weight(int i, int t) {
        return weights[i * k + t];
    }

    /** The row sums of {@code W + W^T}. */
    double[] degrees() {
        double[] degree = new double[size];
        for (int i = 0; i < size; i++) {
            for (int t = 0; t < k; t++) {
                double w = weights[i * k + t];
                degree[i] += w;
                degree[neighbours[i * k + t]] += w;
            }
        }
        return degree;
    }

    /** {@code y = (W + W^T) x} for {@code x} and {@code y} of {@code size} rows of {@code columns}. */
    void multiply(double[] x, int columns, double[] y) {
        Arrays.fill(y, 0);
        for (int i = 0; i < size; i++) {
            for (int t = 0; t < k; t++) {
                int j = neighbours[i * k + t];
                double w = weights[i * k + t];
                for (int c = 0; c < columns; c++) {
                    y[i * columns + c] += w * x[j * columns + c];
                    y[j * columns + c] += w * x[i * columns + c];
                }
            }
        }
    }
}
