import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Measures this machine's fp32 matrix-multiply ceiling through the engine Regen trains with:
 * the best of several timed runs of an n x n by n x n product, 2 n^3 FLOPs each.
 *
 * <p>Run from the repository root after a build:
 * {@code java -cp "regen-cli/target/lib/*" bench/MatmulCeiling.java THREADS}
 */
public class MatmulCeiling {
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Torch.start(threads);
        double best = 0;
        for (int n : new int[]{1024, 2048, 3072}) {
            Tensor a = torch.rand(n, n);
            Tensor b = torch.rand(n, n);
            for (int rep = 0; rep < 5; rep++) {
                try (PointerScope scope = new PointerScope()) {
                    long t = System.nanoTime();
                    torch.mm(a, b).sum().item_double();
                    double gflops = 2.0 * n * n * n / ((System.nanoTime() - t) / 1e9) / 1e9;
                    best = Math.max(best, gflops);
                }
            }
        }
        System.out.printf("{\"threads\": %d, \"matmulGflops\": %.1f}%n", torch.get_num_threads(), best);
    }
}
