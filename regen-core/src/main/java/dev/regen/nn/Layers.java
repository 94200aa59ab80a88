package dev.regen.nn;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dOptions;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Builds engine layers from plain numbers.
 *
 * <p>The option setters take raw pointers: {@code stride().put(2L, 2L)} writes value 2 at index 2,
 * past the array, so every multi-value option is written with {@code put(new long[]{...})}.
 */
final class Layers {
    /** Side of every convolution kernel. */
    static final long KERNEL = 4;

    private Layers() {
    }

    /**
     * Feature maps and conv weights are kept channels-last (NHWC): oneDNN's convolution kernels
     * run markedly faster on it than on NCHW on this kind of CPU (docs/BENCHMARKS.md). The
     * translation networks are the exception ({@link #channelMajorWeights}).
     */
    static Tensor channelsLast(Tensor t) {
        return t.contiguous(torch.MemoryFormat.ChannelsLast);
    }

    /**
     * A batch of images [N, C, H, W] copied into channels-last memory. The engine picks its
     * convolution kernels by the input's strides, and those of a one-channel batch in the usual
     * layout read as channel-major whatever the memory holds, which sends the first convolution to
     * oneDNN's slower channel-major kernels; a fresh channels-last copy (of the small input) has the
     * strides that say what it is, for any channel count.
     */
    static Tensor channelsLastInput(Tensor images) {
        return torch.empty_like(images, new TensorOptions(), new MemoryFormatOptional(torch.MemoryFormat.ChannelsLast))
                .copy_(images);
    }

    /** Re-lays the 4-d weights of {@code module} out channels-last, in place. */
    static <M extends Module> M channelsLastWeights(M module) {
        return relayWeights(module, torch.MemoryFormat.ChannelsLast);
    }

    /**
     * Re-lays the 4-d weights of {@code module} (and its sub-modules) out channel-major (NCHW), in
     * place. The translation networks run channel-major: their instance norms are the engine's
     * group norm, whose channel-major kernel runs 2-4x faster than any norm on channels-last maps,
     * and their convolutions run as fast either way (docs/BENCHMARKS.md, translation speed).
     */
    static <M extends Module> M channelMajorWeights(M module) {
        return relayWeights(module, torch.MemoryFormat.Contiguous);
    }

    private static <M extends Module> M relayWeights(M module, torch.MemoryFormat format) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            TensorVector params = module.parameters();
            for (long i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                if (p.dim() == 4) {
                    p.set_data(p.contiguous(format));
                }
            }
        }
        return module;
    }

    /**
     * A linear layer on a whole feature map [N, C, H, W], {@code weight} [outputs, C * H * W] in
     * the flatten order: returns [N, outputs], the same as {@code linear(map.flatten(1, -1))}. It
     * runs as a convolution whose kernel covers the map, which reads a channels-last map in place,
     * where flattening it would first copy it to channel-major order (forward and backward).
     */
    static Tensor denseOverMap(Tensor map, Tensor weight, Tensor bias) {
        Tensor kernel = weight.reshape(weight.size(0), map.size(1), map.size(2), map.size(3));
        return torch.conv2d(map, kernel, new TensorOptional(bias), new long[]{1, 1}, new long[]{0, 0},
                new long[]{1, 1}, 1).flatten(1, -1);
    }

    /**
     * A linear layer whose outputs, in the flatten order of {@code mapShape} [C, H, W], form a
     * feature map: returns [N, C, H, W] channels-last, the same values as
     * {@code linear(x).reshape(N, C, H, W)}. The weight's rows and the bias are reordered to
     * (H, W, C) order (a copy of the small weight), so the product lands in channels-last memory
     * and the activations need no reordering copy.
     */
    static Tensor denseToMap(Tensor x, Tensor weight, Tensor bias, long[] mapShape) {
        long channels = mapShape[0];
        long height = mapShape[1];
        long width = mapShape[2];
        Tensor rowsHwc = weight.view(channels, height, width, -1).permute(1, 2, 0, 3)
                .reshape(height * width * channels, -1);
        Tensor biasHwc = bias.view(channels, height, width).permute(1, 2, 0).reshape(-1);
        return torch.linear(x, rowsHwc, new TensorOptional(biasHwc))
                .view(-1, height, width, channels).permute(0, 3, 1, 2);
    }

    /**
     * The stride-2 transposed convolution (padding 1) of {@link #upsample} or {@link #upsample3} on
     * {@code map} with {@code weight} [in, out, k, k] and output padding {@code extra} (rows, columns), its bias added apart, in place. Given the bias, oneDNN sums its gradient over a channels-last
     * map in a reference loop; the engine's own sum for the broadcast addition is vectorised
     * (docs/BENCHMARKS.md: 6.8-6.9 against 7.5 ms for the 64 -> 32 layer at batch 128). The
     * in-place addition is safe: the transposed convolution keeps its input, not its output, for
     * the backward pass.
     */
    static Tensor transposedConv(Tensor map, Tensor weight, Tensor bias, long[] extra) {
        return torch.conv_transpose2d(map, weight, new TensorOptional(), new long[]{2, 2}, new long[]{1, 1}, extra, 1,
                new long[]{1, 1}).add_(bias.view(1, bias.size(0), 1, 1));
    }

    /** 4x4 convolution, stride 2, padding 1: halves the spatial size (rounding down). */
    static Conv2dImpl downsample(int in, int out) {
        Conv2dOptions options = new Conv2dOptions(in, out, new LongPointer(new long[]{KERNEL, KERNEL}));
        options.stride().put(new long[]{2, 2});
        options.padding().put(new LongPointer(new long[]{1, 1}));
        return channelsLastWeights(new Conv2dImpl(options));
    }

    /** A square convolution with zero padding {@code padding} (0 where the caller pads by reflection). */
    static Conv2dImpl conv(int in, int out, int kernel, int stride, int padding) {
        Conv2dOptions options = new Conv2dOptions(in, out, new LongPointer(new long[]{kernel, kernel}));
        options.stride().put(new long[]{stride, stride});
        options.padding().put(new LongPointer(new long[]{padding, padding}));
        return channelsLastWeights(new Conv2dImpl(options));
    }

    /**
     * The weights of a 3x3 transposed convolution of stride 2 and padding 1, run through
     * {@link #transposedConv}, which gives each call the output padding that restores the side it
     * doubles: twice the size less one, plus 1 for an even side, 0 for an odd one.
     */
    static ConvTranspose2dImpl upsample3(int in, int out) {
        ConvTranspose2dOptions options = new ConvTranspose2dOptions(in, out, new LongPointer(new long[]{3, 3}));
        options.stride().put(new long[]{2, 2});
        options.padding().put(new long[]{1, 1});
        return channelsLastWeights(new ConvTranspose2dImpl(options));
    }

    /** 4x4 convolution, stride 1, padding 1: one pixel smaller on each side's count, as PatchGAN's last layers. */
    static Conv2dImpl narrow(int in, int out) {
        return conv(in, out, (int) KERNEL, 1, 1);
    }

    /**
     * 4x4 transposed convolution, stride 2, padding 1: doubles the size, plus {@code extraRows} and
     * {@code extraCols} (0 or 1) to undo the rounding of an odd size.
     */
    static ConvTranspose2dImpl upsample(int in, int out, int extraRows, int extraCols) {
        ConvTranspose2dOptions options = new ConvTranspose2dOptions(in, out, new LongPointer(new long[]{KERNEL, KERNEL}));
        options.stride().put(new long[]{2, 2});
        options.padding().put(new long[]{1, 1});
        options.output_padding().put(new long[]{extraRows, extraCols});
        return channelsLastWeights(new ConvTranspose2dImpl(options));
    }
}
