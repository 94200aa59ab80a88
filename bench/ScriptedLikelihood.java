import dev.regen.config.DataConfig;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.model.Vae;
import dev.regen.nn.Torch;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * Whether libtorch's TorchScript compiler speeds up the longest element-wise chain of a colour
 * VAE's step: the discretised logistic log-likelihood (14 element-wise ops over every pixel of a
 * 128 x 3 x 64 x 64 batch), forward and backward. One side calls Regen's eager code
 * (PixelLikelihood, through reflection), the other the same formula compiled by
 * {@code torch::jit::compile} and run by the profiling graph executor, which would hand fusible
 * chains to the CPU fuser. Alternated blocks on real batches; prints each block's milliseconds per
 * call, the largest differences of loss and gradients between the two, and the node kinds of the
 * graph the executor last ran (a fused chain shows as a TensorExprGroup or FusionGroup).
 *
 * <p>Run from the repository root after a build: {@code bench/step_ab.sh ScriptedLikelihood}.
 */
public class ScriptedLikelihood {
    private static final int CALLS_PER_BLOCK = 20;
    private static final int BATCHES = 10;
    private static final String SOURCE = """
            def log_prob(x: Tensor, outputs: Tensor, log_scale: Tensor) -> Tensor:
                h = 1.0 / 510.0
                inverse_scale = torch.exp(-log_scale)
                half_bin = inverse_scale * h
                centred = (x - (outputs + 0.5)) * inverse_scale
                log_cdf_plus = torch.log_sigmoid(centred + half_bin)
                log_survival_minus = torch.log_sigmoid(half_bin - centred)
                log_width_term = torch.log(-torch.expm1(half_bin * -2.0))
                below_top = x < 1.0 - h
                above_bottom = x > h
                per_pixel = (log_cdf_plus * below_top + log_survival_minus * above_bottom
                             + log_width_term * torch.logical_and(below_top, above_bottom))
                return per_pixel.sum([1, 2, 3])
            """;

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int blocks = Integer.parseInt(args[1]);
        Torch.start(threads);
        ImageDataset train = DataSource.prepare(DataConfig.of(args[2]), 1).split().train();
        Tensor[] batches = StepTrace.batches(train, BATCHES);
        Method eager = Class.forName("dev.regen.model.PixelLikelihood")
                .getDeclaredMethod("logProb", Likelihood.class, Tensor.class, Tensor.class, Tensor.class);
        eager.setAccessible(true);
        Function scripted = torch.compile(SOURCE).get_function(new QualifiedName("log_prob"));

        torch.manual_seed(1);
        Tensor outputs = torch.randn(batches[0].sizes().vec().get()).mul(scalar(0.1))
                .requires_grad_(true);
        Tensor logScale = torch.full(new long[]{1, batches[0].size(1), 1, 1}, scalar(-3.0))
                .requires_grad_(true);
        Side eagerSide = (x, o, s) -> (Tensor) eager.invoke(null, Likelihood.LOGISTIC, x, o, s);
        Side scriptedSide = (x, o, s) -> {
            IValueVector stack = new IValueVector(new IValue(x), new IValue(o), new IValue(s));
            return scripted.apply(stack).toTensor();
        };

        compare(eagerSide, scriptedSide, batches[0], outputs, logScale);
        scriptedSide.logProb(batches[0], outputs, logScale);
        Map<String, Integer> forwardKinds = nodeKinds();
        Vae vae = new Vae(new ModelConfig(ModelKind.CONV_VAE, train.shape(), 16, Likelihood.LOGISTIC, 32));
        Adam adam = new Adam(vae.parameters(), new AdamOptions(1e-3));
        double[] eagerMs = new double[blocks];
        double[] scriptedMs = new double[blocks];
        double[] stepMs = new double[blocks];
        for (int block = 0; block < blocks; block++) {
            eagerMs[block] = time(eagerSide, batches, outputs, logScale);
            scriptedMs[block] = time(scriptedSide, batches, outputs, logScale);
            stepMs[block] = timeSteps(vae, adam, batches);
            System.out.printf("{\"block\": %d, \"eagerMs\": %.2f, \"scriptedMs\": %.2f, \"vaeStepMs\": %.2f}%n",
                    block + 1, eagerMs[block], scriptedMs[block], stepMs[block]);
        }
        System.out.println("forward graph the executor ran, node kinds: " + forwardKinds);
        System.out.println("backward graph it last ran, node kinds: " + nodeKinds());
        double eagerMedian = StepTrace.median(eagerMs);
        System.out.printf("median ms per forward and backward: eager %.2f, scripted %.2f, scripted/eager %.2f; "
                        + "whole logistic conv VAE step %.2f (the eager chain's share %.0f%%)%n",
                eagerMedian, StepTrace.median(scriptedMs), StepTrace.median(scriptedMs) / eagerMedian,
                StepTrace.median(stepMs), 100 * eagerMedian / StepTrace.median(stepMs));
    }

    /** One implementation of the per-image log-likelihood. */
    private interface Side {
        Tensor logProb(Tensor x, Tensor outputs, Tensor logScale) throws Exception;
    }

    private static double time(Side side, Tensor[] batches, Tensor outputs, Tensor logScale) throws Exception {
        long start = System.nanoTime();
        for (int call = 0; call < CALLS_PER_BLOCK; call++) {
            try (PointerScope scope = new PointerScope()) {
                Tensor loss = side.logProb(batches[call % BATCHES], outputs, logScale).sum().neg();
                loss.backward();
                outputs.grad().zero_();
                logScale.grad().zero_();
            }
        }
        return (System.nanoTime() - start) / 1e6 / CALLS_PER_BLOCK;
    }

    /** Milliseconds per training step (loss, backward, Adam) of the default conv VAE with this likelihood. */
    private static double timeSteps(Vae vae, Adam adam, Tensor[] batches) {
        long start = System.nanoTime();
        for (int call = 0; call < CALLS_PER_BLOCK; call++) {
            try (PointerScope scope = new PointerScope()) {
                Tensor loss = vae.loss(batches[call % BATCHES], null, 1.0, 0).total();
                adam.zero_grad();
                loss.backward();
                adam.step();
            }
        }
        return (System.nanoTime() - start) / 1e6 / CALLS_PER_BLOCK;
    }

    /** Runs both sides past the executor's profiling runs and prints how far their results differ. */
    private static void compare(Side a, Side b, Tensor x, Tensor outputs, Tensor logScale) throws Exception {
        Tensor[] first = null;
        Tensor[] second = null;
        for (int run = 0; run < 5; run++) {
            first = lossAndGradients(a, x, outputs, logScale);
            second = lossAndGradients(b, x, outputs, logScale);
        }
        String[] names = {"loss", "d outputs", "d log-scale"};
        for (int i = 0; i < names.length; i++) {
            double diff = first[i].sub(second[i]).abs().max().item_double();
            double size = first[i].abs().max().item_double();
            System.out.printf("largest |eager - scripted| of %s: %.3g (largest |eager|: %.3g)%n", names[i], diff, size);
        }
    }

    private static Tensor[] lossAndGradients(Side side, Tensor x, Tensor outputs, Tensor logScale) throws Exception {
        Tensor loss = side.logProb(x, outputs, logScale).sum().neg();
        loss.backward();
        Tensor[] result = {loss.detach().clone(), outputs.grad().clone(), logScale.grad().clone()};
        outputs.grad().zero_();
        logScale.grad().zero_();
        return result;
    }

    /** How many times each kind of node (aten::sigmoid, prim::TensorExprGroup, ...) appears in the graph. */
    private static Map<String, Integer> nodeKinds() {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher kind = Pattern.compile("= ((?:aten|prim)::\\w+)").matcher(torch.lastExecutedOptimizedGraph().toString());
        while (kind.find()) {
            counts.merge(kind.group(1), 1, Integer::sum);
        }
        return counts;
    }
}
