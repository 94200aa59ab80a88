import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

import java.util.function.BinaryOperator;

/**
 * Measures this machine's fp32 matrix-multiply ceiling through the engine Regen trains with: the
 * best of several timed n x n by n x n products, 2 n^3 FLOPs each, taken two ways, since libtorch
 * has two GEMMs: {@code mm} (OpenBLAS here) and oneDNN, which runs the convolutions and which a
 * 1x1 convolution of n channels over n positions reaches. The ceiling is the faster of the two.
 *
 * <p>Run from the repository root after a build:
 * {@code java -cp "regen-cli/target/lib/*" bench/MatmulCeiling.java THREADS}
 */
public class MatmulCeiling {
    private static final long[] ONE = {1, 1};
    private static final long[] ZERO = {0, 0};
    private static final int[] SIZES = {1024, 2048, 3072};

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Torch.start(threads);
        double blas = best(torch::mm, SIZES, 5);
        double onednn = best(MatmulCeiling::onednnProduct, SIZES, 5);
        System.out.printf("{\"threads\": %d, \"blasGflops\": %.1f, \"onednnGflops\": %.1f, \"matmulGflops\": %.1f}%n",
                torch.get_num_threads(), blas, onednn, Math.max(blas, onednn));
    }

    /** a times b as oneDNN computes it: [1, n, n, 1] images times [n, n, 1, 1] filters. */
    static Tensor onednnProduct(Tensor a, Tensor b) {
        return torch.conv2d(b.reshape(1, b.size(0), b.size(1), 1), a.reshape(a.size(0), a.size(1), 1, 1),
                new TensorOptional(), ONE, ZERO, ONE, 1);
    }

    /** The best GFLOP/s of {@code reps} timed products of random n x n matrices, for each n of {@code sizes}. */
    static double best(BinaryOperator<Tensor> product, int[] sizes, int reps) {
        double best = 0;
        for (int n : sizes) {
            Tensor a = torch.rand(n, n);
            Tensor b = torch.rand(n, n);
            for (int rep = 0; rep < reps; rep++) {
                try (PointerScope scope = new PointerScope()) {
                    long t = System.nanoTime();
                    product.apply(a, b).sum().item_double();
                    best = Math.max(best, 2.0 * n * n * n / ((System.nanoTime() - t) / 1e9) / 1e9);
                }
            }
        }
        return best;
    }
}
