package dev.regen.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The 4x4 stride-2 (padding 1) convolution and transposed convolution of {@link Layers}, computed
 * as one matrix product over image patches instead of by oneDNN's kernels.
 *
 * <p>For the layers that touch the image itself, with its one to a few channels, some of oneDNN's
 * kernels are slow (docs/BENCHMARKS.md): the input gradient of the first convolution, and the
 * forward pass of the last transposed convolution. As a product of a patch matrix and the
 * flattened weights they are one GEMM plus cheap copies. Both take the weights of the engine's own
 * modules, laid out as they are there, so model files and initialisation do not change, and
 * autograd differentiates them.
 */
final class PatchGemm {
    private static final long KERNEL = Layers.KERNEL;
    private static final long STRIDE = 2;

    private PatchGemm() {
    }

    /**
     * Convolution: {@code input} [N, C, H, W], {@code weight} [F, C, 4, 4], {@code bias} [F];
     * returns [N, F, H/2, W/2] (rounded down), laid out channels-last.
     */
    static Tensor conv(Tensor input, Tensor weight, Tensor bias) {
        long batch = input.size(0);
        long channels = input.size(1);
        // Views [N, C, H', W', 4, 4] of the padded input: every output pixel's receptive field.
        Tensor patches = torch.constant_pad_nd(input, new long[]{1, 1, 1, 1})
                .unfold(2, KERNEL, STRIDE).unfold(3, KERNEL, STRIDE);
        long height = patches.size(2);
        long width = patches.size(3);
        Tensor rows = patches.permute(0, 2, 3, 1, 4, 5).reshape(batch * height * width, channels * KERNEL * KERNEL);
        Tensor filters = weight.reshape(weight.size(0), channels * KERNEL * KERNEL);
        return torch.addmm(bias, rows, filters.t()).view(batch, height, width, weight.size(0)).permute(0, 3, 1, 2);
    }

    /**
     * Transposed convolution: {@code input} [N, Cin, H, W], {@code weight} [Cin, C, 4, 4],
     * {@code bias} [C]; returns [N, C, height, width], where height is 2H or 2H + 1 (likewise width).
     */
    static Tensor transposedConv(Tensor input, Tensor weight, Tensor bias, long height, long width) {
        long batch = input.size(0);
        long inRows = input.size(2);
        long inCols = input.size(3);
        long channels = weight.size(1);
        Tensor rows = input.permute(0, 2, 3, 1).reshape(batch * inRows * inCols, input.size(1));
        // Each input pixel (h, w) paints a 4x4 patch whose tap (ky, kx) = (2a + r, 2b + t) lands on
        // output pixel (2(h + a) + r - 1, 2(w + b) + t - 1): split the taps as [a, r, b, t].
        Tensor taps = rows.mm(weight.reshape(weight.size(0), channels * KERNEL * KERNEL))
                .view(batch, inRows, inCols, channels, 2, 2, 2, 2)
                .permute(0, 3, 4, 6, 5, 7, 1, 2);
        Tensor padded = torch.constant_pad_nd(taps, new long[]{1, 1, 1, 1});
        // Output phase (r, t) at block (p, q) sums the taps (a, b) of input pixel (p - a, q - b).
        Tensor phases = null;
        for (long a = 0; a < 2; a++) {
            for (long b = 0; b < 2; b++) {
                Tensor term = padded.select(2, a).select(2, b)
                        .narrow(4, 1 - a, inRows + 1).narrow(5, 1 - b, inCols + 1);
                phases = phases == null ? term : phases.add(term);
            }
        }
        // [N, C, r, t, p, q] -> [N, C, 2p + r, 2q + t], less the padding row and column on each side.
        Tensor image = phases.permute(0, 1, 4, 2, 5, 3).reshape(batch, channels, 2 * inRows + 2, 2 * inCols + 2)
                .narrow(2, 1, height).narrow(3, 1, width);
        return image.add(bias.view(1, channels, 1, 1));
    }
}
