package dev.regen.nn;

import dev.regen.config.FeatureNorm;
import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

import static dev.regen.nn.Tensors.scalar;

/**
 * CycleGAN's generator (Zhu et al. 2017, appendix 7.2, after Johnson et al. 2016): a 7x7
 * convolution, two 3x3 stride-2 convolutions down, residual blocks of two 3x3 convolutions, two 3x3
 * stride-2 transposed convolutions up and a 7x7 convolution to the output, tanh mapped to [0, 1];
 * reflection padding, every layer but the last normalised and ReLU. Six residual blocks for images
 * up to 128 pixels a side, nine above, as the original. Fully convolutional: any size translates,
 * the transposed convolutions restoring odd sides as well as even ones.
 */
public final class ResnetGenerator extends Module {
    private static final int LARGE_SIDE = 128;

    private final Conv2dImpl first;
    private final NormLayer firstNorm;
    private final List<Conv2dImpl> downs = new ArrayList<>();
    private final List<NormLayer> downNorms = new ArrayList<>();
    private final List<Conv2dImpl> blockConvs = new ArrayList<>();
    private final List<NormLayer> blockNorms = new ArrayList<>();
    private final List<ConvTranspose2dImpl> ups = new ArrayList<>();
    private final List<NormLayer> upNorms = new ArrayList<>();
    private final Conv2dImpl last;

    /**
     * A generator from images of {@code sourceChannels} to images of {@code output}'s channels; its
     * size picks the number of residual blocks.
     *
     * @param width filters of the first layer, doubled by each of the two downsamplings
     */
    public ResnetGenerator(int sourceChannels, ImageShape output, int width, FeatureNorm norm) {
        first = register_module("first", Layers.conv(sourceChannels, width, 7, 1, 0));
        firstNorm = new NormLayer(this, "firstnorm", norm, width);
        for (int i = 0; i < 2; i++) {
            int f = width << i;
            downs.add(register_module("down" + i, Layers.conv(f, 2 * f, 3, 2, 1)));
            downNorms.add(new NormLayer(this, "downnorm" + i, norm, 2 * f));
        }
        int inner = 4 * width;
        for (int i = 0; i < 2 * blocks(output); i++) {
            blockConvs.add(register_module("block" + i, Layers.conv(inner, inner, 3, 1, 0)));
            blockNorms.add(new NormLayer(this, "blocknorm" + i, norm, inner));
        }
        for (int i = 0; i < 2; i++) {
            int f = inner >> i;
            ups.add(register_module("up" + i, Layers.upsample3(f, f / 2)));
            upNorms.add(new NormLayer(this, "upnorm" + i, norm, f / 2));
        }
        last = register_module("last", Layers.conv(width, output.channels(), 7, 1, 0));
        Layers.channelMajorWeights(this);
    }

    /** Residual blocks for images of {@code shape}: 6 up to 128 pixels a side, else 9. */
    public static int blocks(ImageShape shape) {
        return Math.max(shape.height(), shape.width()) <= LARGE_SIDE ? 6 : 9;
    }

    /** Translated images [B, C, H, W] in [0, 1] for images [B, sourceChannels, H, W] in [0, 1]. */
    public Tensor forward(Tensor images) {
        long[] heights = {images.size(2), 0, 0};
        long[] widths = {images.size(3), 0, 0};
        Tensor h = images.contiguous().mul(scalar(2.0)).sub(scalar(1.0));
        h = torch.relu(firstNorm.forward(first.forward(torch.reflection_pad2d(h, 3, 3, 3, 3))));
        for (int i = 0; i < 2; i++) {
            h = torch.relu(downNorms.get(i).forward(downs.get(i).forward(h)));
            heights[i + 1] = h.size(2);
            widths[i + 1] = h.size(3);
        }
        for (int i = 0; i < blockConvs.size(); i += 2) {
            Tensor r = torch.relu(blockNorms.get(i).forward(blockConvs.get(i).forward(torch.reflection_pad2d(h, 1, 1,
                    1, 1))));
            r = blockNorms.get(i + 1).forward(blockConvs.get(i + 1).forward(torch.reflection_pad2d(r, 1, 1, 1, 1)));
            h = h.add(r);
        }
        for (int i = 0; i < 2; i++) {
            ConvTranspose2dImpl up = ups.get(i);
            long extraRows = heights[1 - i] - (2 * heights[2 - i] - 1);
            long extraCols = widths[1 - i] - (2 * widths[2 - i] - 1);
            h = torch.relu(upNorms.get(i).forward(Layers.transposedConv(h, up.weight(), up.bias(),
                    new long[]{extraRows, extraCols})));
        }
        h = last.forward(torch.reflection_pad2d(h, 3, 3, 3, 3));
        return torch.tanh(h).add(scalar(1.0)).mul(scalar(0.5));
    }
}
