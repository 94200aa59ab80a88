import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorArrayRefOptional;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Splits the default conv VAE's training step into its layers' engine kernels, to show where the
 * time goes against the matmul ceiling: each layer's forward and backward on its own (batch 128,
 * channels-last, random values, which do not change the kernels' speed), in the form Regen calls it,
 * with its FLOPs counted as bench/reference_common.py counts them (three times the forward multiply-adds), then
 * the library's whole step (bench/StepTrace.java) in the same process. What the kernels leave of the
 * step is the rest: ReLUs, bias additions, the posterior, the loss, Adam and the calls themselves.
 *
 * <p>Run from the repository root after a build (bench/layer_cost.sh compiles it with
 * MatmulCeiling.java and StepTrace.java).
 */
public class LayerCost {
    private static final int BATCH = 128;
    private static final int REPS = 60;
    private static final long[] ONE = {1, 1};
    private static final long[] TWO = {2, 2};
    private static final long[] ZERO = {0, 0};

    /** One layer: its multiply-adds per image, its input, whether that needs a gradient, and its forward pass. */
    private record Layer(String name, long macsPerImage, Tensor input, boolean inputGradient,
                         Function<Tensor, Tensor> forward) {
    }

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        Torch.start(threads);
        torch.manual_seed(1);
        Tensor conv0 = weight(32, 1, 4);
        Tensor conv1 = weight(64, 32, 4);
        Tensor head = weight(32, 64, 7);
        Tensor stem = param(torch.randn(3136, 16));
        Tensor deconv = weight(64, 32, 4);
        Tensor last = weight(4, 32, 2);
        Tensor[] biases = {bias(32), bias(64), bias(32), bias(3136), bias(4)};
        Layer[] layers = {
            new Layer("conv 1->32, 28->14", 100_352, map(1, 28), false,
                    x -> torch.conv2d(x, conv0, new TensorOptional(biases[0]), TWO, ONE, ONE, 1)),
            new Layer("conv 32->64, 14->7", 1_605_632, map(32, 14), true,
                    x -> torch.conv2d(x, conv1, new TensorOptional(biases[1]), TWO, ONE, ONE, 1)),
            new Layer("head 64x7x7->32 (conv over the map)", 100_352, map(64, 7), true,
                    x -> torch.conv2d(x, head, new TensorOptional(biases[2]), ONE, ZERO, ONE, 1)),
            new Layer("stem 16->64x7x7 (linear)", 50_176, torch.randn(BATCH, 16), true,
                    x -> torch.linear(x, stem, new TensorOptional(biases[3]))),
            new Layer("deconv 64->32, 7->14 (bias added apart)", 1_605_632, map(64, 7), true,
                    x -> torch.conv_transpose2d(x, deconv, new TensorOptional(), TWO, ONE, ZERO, 1, ONE)),
            new Layer("last 32->1, 14->28 (sub-pixel: 2x2 conv to 4 phases)", 100_352, map(32, 14), true,
                    x -> torch.conv2d(x, last, new TensorOptional(biases[4]), ONE, ONE, ONE, 1)),
        };
        double ceiling = MatmulCeiling.best(MatmulCeiling::onednnProduct, new int[]{1024, 2048}, 5);
        System.out.printf("threads %d, ceiling %.1f GFLOP/s (oneDNN product)%n", torch.get_num_threads(), ceiling);
        System.out.printf("%-52s %9s %9s %12s %8s%n", "layer", "fwd ms", "bwd ms", "GFLOP/s", "ceiling");
        double kernels = 0;
        long macs = 0;
        for (Layer layer : layers) {
            double[] forward = new double[REPS];
            double[] backward = new double[REPS];
            for (int rep = 0; rep < REPS; rep++) {
                try (PointerScope scope = new PointerScope()) {
                    Tensor x = layer.inputGradient() ? layer.input().detach().requires_grad_(true) : layer.input();
                    long t0 = System.nanoTime();
                    Tensor y = layer.forward().apply(x);
                    long t1 = System.nanoTime();
                    Tensor grad = torch.ones_like(y);
                    long t2 = System.nanoTime();
                    y.backward(grad, new BoolOptional(), false, new TensorArrayRefOptional());
                    long t3 = System.nanoTime();
                    forward[rep] = (t1 - t0) / 1e6;
                    backward[rep] = (t3 - t2) / 1e6;
                }
            }
            double f = StepTrace.median(forward);
            double b = StepTrace.median(backward);
            double gflops = 3.0 * 2 * layer.macsPerImage() * BATCH / ((f + b) / 1e3) / 1e9;
            System.out.printf("%-52s %9.3f %9.3f %12.1f %7.0f%%%n", layer.name(), f, b, gflops, 100 * gflops / ceiling);
            kernels += f + b;
            macs += layer.macsPerImage();
        }
        double step = StepTrace.medianStepMillis(Path.of(args[1]), 100);
        double flops = 3.0 * 2 * macs * BATCH;
        System.out.printf("layers' kernels: %.2f ms (%.0f%% of the ceiling); whole step: %.2f ms (%.0f%% of the ceiling);"
                + " the rest: %.2f ms%n", kernels, 100 * flops / (kernels / 1e3) / 1e9 / ceiling,
                step, 100 * flops / (step / 1e3) / 1e9 / ceiling, step - kernels);
    }

    /** A batch of feature maps in channels-last memory, with strides that say so for one channel too. */
    private static Tensor map(int channels, int side) {
        return torch.empty(new long[]{BATCH, channels, side, side}, new TensorOptions(),
                new MemoryFormatOptional(torch.MemoryFormat.ChannelsLast)).uniform_();
    }

    private static Tensor weight(int out, int in, int kernel) {
        return param(torch.randn(out, in, kernel, kernel).mul_(new Scalar(0.05))
                .contiguous(torch.MemoryFormat.ChannelsLast));
    }

    private static Tensor bias(int n) {
        return param(torch.zeros(n));
    }

    private static Tensor param(Tensor t) {
        return t.requires_grad_(true);
    }
}
