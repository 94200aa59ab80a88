package dev.regen.nn;

import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers Regen rewrites for speed (patch GEMM, sub-pixel, the transposed convolution with its
 * bias apart, linear layers over and onto feature maps) compute what the engine's own modules
 * compute, gradients included.
 */
class RewrittenLayersTest {
    private static final double TOLERANCE = 1e-4;

    @BeforeAll
    static void start() {
        Torch.start(1);
        Torch.seed(7);
    }

    @ParameterizedTest(name = "{0} channels, {1}x{2}")
    @CsvSource({"1, 28, 28", "3, 7, 9", "11, 8, 5"})
    void convolutionMatchesTheEngines(int channels, int height, int width) {
        Conv2dImpl conv = Layers.downsample(channels, 6);
        Tensor input = torch.randn(2, channels, height, width).requires_grad_(true);
        assertSame(conv, input, x -> conv.forward(x), x -> PatchGemm.conv(x, conv.weight(), conv.bias()));
    }

    @ParameterizedTest(name = "{0} channels, {1}x{2} in")
    @CsvSource({"1, 14, 14, 0, 0", "3, 4, 5, 1, 0", "1, 5, 4, 0, 1", "2, 3, 3, 1, 1"})
    void transposedConvolutionsMatchTheEngines(int channels, int height, int width, int extraRows, int extraCols) {
        ConvTranspose2dImpl deconv = Layers.upsample(5, channels, extraRows, extraCols);
        Tensor input = Layers.channelsLast(torch.randn(2, 5, height, width)).requires_grad_(true);
        long outRows = 2L * height + extraRows;
        long outCols = 2L * width + extraCols;
        assertSame(deconv, input, x -> deconv.forward(x),
                x -> PatchGemm.transposedConv(x, deconv.weight(), deconv.bias(), outRows, outCols));
        assertSame(deconv, input, x -> deconv.forward(x),
                x -> SubPixel.transposedConv(x, deconv.weight(), deconv.bias(), outRows, outCols));
        assertSame(deconv, input, x -> deconv.forward(x), x -> Layers.transposedConv(x, deconv.weight(), deconv.bias(),
                new long[]{extraRows, extraCols}));
    }

    @ParameterizedTest(name = "{0}x{1}x{2} map to {3} outputs")
    @CsvSource({"64, 7, 7, 32", "3, 4, 5, 1"})
    void denseOverMapMatchesTheEnginesLinear(int channels, int height, int width, int outputs) {
        LinearImpl linear = new LinearImpl(channels * height * width, outputs);
        Tensor input = Layers.channelsLast(torch.randn(2, channels, height, width)).requires_grad_(true);
        assertSame(linear, input, x -> linear.forward(x.flatten(1, -1)),
                x -> Layers.denseOverMap(x, linear.weight(), linear.bias()));
    }

    @ParameterizedTest(name = "6 inputs to a {0}x{1}x{2} map")
    @CsvSource({"64, 7, 7", "3, 4, 5"})
    void denseToMapMatchesTheEnginesLinear(int channels, int height, int width) {
        LinearImpl linear = new LinearImpl(6, (long) channels * height * width);
        Tensor input = torch.randn(2, 6).requires_grad_(true);
        long[] mapShape = {channels, height, width};
        assertSame(linear, input, x -> linear.forward(x).reshape(2, channels, height, width),
                x -> Layers.denseToMap(x, linear.weight(), linear.bias(), mapShape));
        assertTrue(Layers.denseToMap(input, linear.weight(), linear.bias(), mapShape)
                .is_contiguous(torch.MemoryFormat.ChannelsLast), "channels-last without a copy");
    }

    @Test
    void oneChannelBatchGetsChannelsLastStrides() {
        Tensor images = torch.rand(3, 1, 5, 4);
        assertArrayEquals(new long[]{20, 20, 4, 1}, images.strides().vec().get(), "the usual layout");
        Tensor copy = Layers.channelsLastInput(images);
        assertArrayEquals(new long[]{20, 1, 4, 1}, copy.strides().vec().get());
        assertClose(images, copy, "values");
    }

    /** Same output, and the same gradients of a weighted sum of it for the input and every parameter. */
    private static void assertSame(Module layer, Tensor input, Function<Tensor, Tensor> engine,
            Function<Tensor, Tensor> rewritten) {
        Tensor expected = engine.apply(input);
        Tensor actual = rewritten.apply(input);
        assertArrayEquals(expected.sizes().vec().get(), actual.sizes().vec().get(), "shape");
        assertClose(expected, actual, "output");
        Tensor upstream = torch.randn_like(expected);
        List<Tensor> expectedGrads = gradients(layer, input, expected.mul(upstream).sum());
        List<Tensor> actualGrads = gradients(layer, input, actual.mul(upstream).sum());
        for (int i = 0; i < expectedGrads.size(); i++) {
            assertClose(expectedGrads.get(i), actualGrads.get(i), "gradient " + i);
        }
    }

    private static List<Tensor> gradients(Module layer, Tensor input, Tensor loss) {
        TensorVector params = layer.parameters();
        List<Tensor> wrt = new ArrayList<>(List.of(input));
        for (long i = 0; i < params.size(); i++) {
            wrt.add(params.get(i));
        }
        TensorVector grads = torch.grad(new TensorVector(loss), new TensorVector(wrt.toArray(Tensor[]::new)));
        List<Tensor> out = new ArrayList<>();
        for (long i = 0; i < grads.size(); i++) {
            out.add(grads.get(i));
        }
        return out;
    }

    private static void assertClose(Tensor expected, Tensor actual, String what) {
        double error = expected.sub(actual).abs().max().item_double();
        double scale = expected.abs().max().item_double();
        assertTrue(error <= TOLERANCE * Math.max(1, scale), what + ": max difference " + error + " at scale " + scale);
    }
}
