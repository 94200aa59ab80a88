package dev.regen.nn;

import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * The 4x4 stride-2 (padding 1) transposed convolution of {@link Layers} as a sub-pixel convolution
 * (Shi et al. 2016): a 2x2 convolution to four phases per output channel, read back as the image
 * through one strided view. For the layer that paints an image's one to a few channels, oneDNN's
 * transposed-convolution kernels are slow, while its direct convolution to four times the channels
 * is not. The weights stay the module's own, so model files and initialisation do not change, and
 * autograd differentiates the remapping.
 *
 * <p>Output row 2m + r (phase r) takes input rows m + r - 1 and m + r through kernel rows
 * 3 - r and 1 - r: over the input padded by one, a 2x2 window at position m + r, whose taps are the
 * kernel's rows flipped and split as 2 dy + r. Every tap is real, so the convolution does no work on
 * zeros, and phase r's rows sit at positions shifted by r, which a strided view takes up.
 */
final class SubPixel {
    private SubPixel() {
    }

    /**
     * Transposed convolution: {@code input} [N, Cin, H, W], {@code weight} [Cin, C, 4, 4],
     * {@code bias} [C]; returns [N, C, height, width], where height is 2H or 2H + 1 (likewise width).
     */
    static Tensor transposedConv(Tensor input, Tensor weight, Tensor bias, long height, long width) {
        long inChannels = weight.size(0);
        long channels = weight.size(1);
        // [Cin, C, 4, 4] flipped, rows as (dy, r) and columns as (dx, t), to [C * 4 phases, Cin, dy, dx].
        Tensor phaseKernels = weight.flip(new long[]{2, 3}).reshape(inChannels, channels, 2, 2, 2, 2)
                .permute(1, 3, 5, 0, 2, 4).reshape(channels * 4, inChannels, 2, 2);
        // One zero row and column past the end give the odd sizes' last row and column.
        long extraRows = height - 2 * input.size(2);
        long extraCols = width - 2 * input.size(3);
        Tensor extended = extraRows == 0 && extraCols == 0 ? input
                : torch.constant_pad_nd(input, new long[]{0, extraCols, 0, extraRows});
        Tensor phases = torch.conv2d(extended, Layers.channelsLast(phaseKernels),
                        new TensorOptional(bias.repeat_interleave(4)), new long[]{1, 1}, new long[]{1, 1},
                        new long[]{1, 1}, 1)
                .contiguous(torch.MemoryFormat.ChannelsLast);
        return interleave(phases, channels, extended.size(2), extended.size(3))
                .narrow(2, 0, height).narrow(3, 0, width);
    }

    /**
     * The image [N, C, 2 rows, 2 cols] in {@code phases} [N, 4 C, rows + 1, cols + 1], channels-last,
     * channel 4 c + 2 r + t holding pixel (2 m + r, 2 l + t) of channel c at position (m + r, l + t):
     * a view [N, C, rows, 2, cols, 2] whose phase strides add one position's step to the phase
     * channel's, then one copy into the image's own layout.
     */
    private static Tensor interleave(Tensor phases, long channels, long rows, long cols) {
        long batch = phases.size(0);
        long pixel = 4 * channels;
        long row = phases.size(3) * pixel;
        Tensor view = phases.as_strided(new long[]{batch, channels, rows, 2, cols, 2},
                new long[]{phases.size(2) * row, 4, row, row + 2, pixel, pixel + 1}, new LongOptional());
        return view.reshape(batch, channels, 2 * rows, 2 * cols);
    }
}
