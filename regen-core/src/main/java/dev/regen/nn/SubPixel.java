package dev.regen.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * The 4x4 stride-2 (padding 1) transposed convolution of {@link Layers} as a sub-pixel convolution
 * (Shi et al. 2016): a 3x3 convolution to four phases per output channel, then a pixel shuffle.
 * For the layer that paints an image's one to a few channels, oneDNN's transposed-convolution
 * kernels are slow, while its direct convolution to four times the channels is not; the product is
 * the same, with zeros where a phase has no tap. The weights stay the module's own, so model files
 * and initialisation do not change, and autograd differentiates the remapping.
 */
final class SubPixel {
    /**
     * Where each 3x3 tap of each phase reads the 4x4 kernel, flattened as ky * 4 + kx, or 16 (a
     * zero) where the phase has no tap. Output row 2m + r takes input row m + dy - 1 through kernel
     * row ky = r - 2 dy + 3, a tap only for 0 <= ky <= 3 (likewise for columns). Order [r, t, dy, dx].
     */
    private static final long[] TAPS = taps();
    private static final long ZERO_TAP = 16;

    private SubPixel() {
    }

    /**
     * Transposed convolution: {@code input} [N, Cin, H, W], {@code weight} [Cin, C, 4, 4],
     * {@code bias} [C]; returns [N, C, height, width], where height is 2H or 2H + 1 (likewise width).
     */
    static Tensor transposedConv(Tensor input, Tensor weight, Tensor bias, long height, long width) {
        long inChannels = weight.size(0);
        long channels = weight.size(1);
        Tensor flat = torch.constant_pad_nd(weight.reshape(inChannels, channels, 16), new long[]{0, 1});
        Tensor phases = flat.index_select(2, Tensor.create(TAPS))
                .view(inChannels, channels, 2, 2, 3, 3)
                .permute(1, 2, 3, 0, 4, 5)
                .reshape(channels * 4, inChannels, 3, 3);
        // One zero row and column past the end give the odd sizes' last row and column. The
        // convolution pads the rest itself: an explicit pad of the whole map costs a copy forward
        // and backward, and oneDNN runs the padded 3x3 convolution markedly faster (docs/BENCHMARKS.md).
        long extraRows = height - 2 * input.size(2);
        long extraCols = width - 2 * input.size(3);
        Tensor extended = extraRows == 0 && extraCols == 0 ? input
                : torch.constant_pad_nd(input, new long[]{0, extraCols, 0, extraRows});
        Tensor fourPhases = torch.conv2d(extended, Layers.channelsLast(phases),
                new TensorOptional(bias.repeat_interleave(4)), new long[]{1, 1}, new long[]{1, 1}, new long[]{1, 1}, 1);
        return torch.pixel_shuffle(fourPhases, 2).narrow(2, 0, height).narrow(3, 0, width);
    }

    private static long[] taps() {
        long[] taps = new long[36];
        int i = 0;
        for (int r = 0; r < 2; r++) {
            for (int t = 0; t < 2; t++) {
                for (int dy = 0; dy < 3; dy++) {
                    for (int dx = 0; dx < 3; dx++) {
                        int ky = r - 2 * dy + 3;
                        int kx = t - 2 * dx + 3;
                        taps[i++] = ky >= 0 && ky < 4 && kx >= 0 && kx < 4 ? ky * 4L + kx : ZERO_TAP;
                    }
                }
            }
        }
        return taps;
    }
}
