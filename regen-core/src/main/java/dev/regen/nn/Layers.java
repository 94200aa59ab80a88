package dev.regen.nn;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dOptions;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
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
     * run markedly faster on it than on NCHW on this kind of CPU (docs/BENCHMARKS.md).
     */
    static Tensor channelsLast(Tensor t) {
        return t.contiguous(torch.MemoryFormat.ChannelsLast);
    }

    /** Re-lays the 4-d weights of {@code module} out channels-last, in place. */
    static <M extends Module> M channelsLastWeights(M module) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            TensorVector params = module.parameters();
            for (long i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                if (p.dim() == 4) {
                    p.set_data(channelsLast(p));
                }
            }
        }
        return module;
    }

    /** 4x4 convolution, stride 2, padding 1: halves the spatial size (rounding down). */
    static Conv2dImpl downsample(int in, int out) {
        Conv2dOptions options = new Conv2dOptions(in, out, new LongPointer(new long[]{KERNEL, KERNEL}));
        options.stride().put(new long[]{2, 2});
        options.padding().put(new LongPointer(new long[]{1, 1}));
        return channelsLastWeights(new Conv2dImpl(options));
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
