package dev.regen.nn;

import dev.regen.config.FeatureNorm;
import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

import static dev.regen.nn.Tensors.scalar;

/**
 * The U-Net generator of pix2pix (Isola et al. 2017, appendix 6.1.1; Ronneberger et al. 2015): 4x4
 * stride-2 convolutions down to a 1x1 bottleneck (or as far as the size allows: at most eight levels),
 * with leaky ReLU (0.2), then 4x4 stride-2 transposed convolutions back up with ReLU, each level's
 * upward input concatenated with the downward maps of the same size, so that detail skips the
 * bottleneck. Filters double from the base width each level, capped at eight times it. Every
 * convolution but the first and the innermost is normalised, every transposed one but the last;
 * the levels from the fifth to the one next to the innermost drop half their upward maps while
 * training (at 256x256 the original's three, at 64x64 one). The output is tanh, mapped to [0, 1];
 * the input [0, 1] is mapped to [-1, 1] as the original feeds it.
 *
 * <p>The network is fully convolutional, so it translates images of other sizes too when each side
 * halves as often as at the training size ({@link #sizeMultiple}).
 */
public final class UNet extends Module {
    private static final int MAX_LEVELS = 8;
    private static final int FIRST_DROPOUT_LEVEL = 5;
    private static final double DROPOUT = 0.5;
    private static final double LEAK = 0.2;

    private final List<Conv2dImpl> downs = new ArrayList<>();
    private final List<NormLayer> downNorms = new ArrayList<>();
    private final List<ConvTranspose2dImpl> ups = new ArrayList<>();
    private final List<NormLayer> upNorms = new ArrayList<>();
    private final int levels;

    /**
     * A U-Net from images of {@code sourceChannels} to images of {@code output}'s shape.
     *
     * @param width filters of the first level
     */
    public UNet(int sourceChannels, ImageShape output, int width, FeatureNorm norm) {
        levels = levels(output.height(), output.width());
        int[] heights = sides(output.height(), levels);
        int[] widths = sides(output.width(), levels);
        int[] filters = new int[levels + 1];
        filters[0] = sourceChannels;
        for (int k = 1; k <= levels; k++) {
            filters[k] = Math.min(width << (k - 1), 8 * width);
        }
        for (int k = 1; k <= levels; k++) {
            downs.add(register_module("down" + k, Layers.downsample(filters[k - 1], filters[k])));
            downNorms.add(k == 1 || k == levels ? null : new NormLayer(this, "downnorm" + k, norm, filters[k]));
        }
        for (int k = levels; k >= 1; k--) {
            int in = k == levels ? filters[k] : 2 * filters[k];
            int out = k == 1 ? output.channels() : filters[k - 1];
            ups.add(register_module("up" + k, Layers.upsample(in, out, heights[k - 1] - 2 * heights[k],
                    widths[k - 1] - 2 * widths[k])));
            upNorms.add(k == 1 ? null : new NormLayer(this, "upnorm" + k, norm, out));
        }
        Layers.channelMajorWeights(this);
    }

    /** Levels for images of these sides: halved while both stay at least 1, at most eight times. */
    public static int levels(int height, int width) {
        int k = 0;
        for (int h = height, w = width; k < MAX_LEVELS && Math.min(h, w) >= 2; k++) {
            h /= 2;
            w /= 2;
        }
        return k;
    }

    private static int[] sides(int side, int levels) {
        int[] sides = new int[levels + 1];
        sides[0] = side;
        for (int k = 1; k <= levels; k++) {
            sides[k] = sides[k - 1] / 2;
        }
        return sides;
    }

    /** Levels down to the bottleneck. */
    public int levels() {
        return levels;
    }

    /**
     * The sides other images must be multiples of to translate: with each side a multiple of 2 to
     * the power of the levels, every level halves exactly and the skips line up.
     */
    public int sizeMultiple() {
        return 1 << levels;
    }

    /** Translated images [B, C, H, W] in [0, 1] for images [B, sourceChannels, H, W] in [0, 1]. */
    public Tensor forward(Tensor images) {
        List<Tensor> skips = new ArrayList<>();
        Tensor h = images.contiguous().mul(scalar(2.0)).sub(scalar(1.0));
        for (int k = 1; k <= levels; k++) {
            h = downs.get(k - 1).forward(k == 1 ? h : torch.leaky_relu(h, scalar(LEAK)));
            NormLayer norm = downNorms.get(k - 1);
            h = norm == null ? h : norm.forward(h);
            skips.add(h);
        }
        for (int k = levels; k >= 1; k--) {
            int i = levels - k;
            Tensor in = k == levels ? h : torch.cat(new TensorVector(h, skips.get(k - 1)), 1);
            h = ups.get(i).forward(torch.relu(in));
            NormLayer norm = upNorms.get(i);
            h = norm == null ? h : norm.forward(h);
            if (k >= FIRST_DROPOUT_LEVEL && k < levels) {
                h = torch.dropout(h, DROPOUT, is_training());
            }
        }
        return torch.tanh(h).add(scalar(1.0)).mul(scalar(0.5));
    }
}
