package dev.regen.nn;

import dev.regen.config.FeatureNorm;
import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

import static dev.regen.nn.Tensors.scalar;

/**
 * The PatchGAN discriminator of pix2pix and CycleGAN (Isola et al. 2017, section 3.2.2): it scores
 * every overlapping patch of the image as real or fake instead of the whole image, so it judges
 * texture and leaves the large structure to the L1 or cycle term. Three 4x4 stride-2 convolutions
 * (fewer for images too small for them), then two of stride 1, filters doubling from the base
 * width, leaky ReLU (0.2), every convolution but the first and the last normalised: at 256x256 each
 * score sees a 70x70 patch.
 */
public final class PatchDiscriminator extends Module {
    private static final int STRIDED = 3;
    private static final int SMALLEST_BEFORE_NARROWING = 3;
    private static final double LEAK = 0.2;

    private final List<Conv2dImpl> convs = new ArrayList<>();
    private final List<NormLayer> norms = new ArrayList<>();

    /** A discriminator of images of {@code shape} (for pix2pix, input and output stacked as channels). */
    public PatchDiscriminator(ImageShape shape, int width, FeatureNorm norm) {
        int strided = 0;
        for (int side = Math.min(shape.height(), shape.width()); strided < STRIDED
                && side / 2 >= SMALLEST_BEFORE_NARROWING; strided++) {
            side /= 2;
        }
        int in = shape.channels();
        int out = width;
        for (int i = 0; i <= strided; i++) {
            convs.add(register_module("conv" + i, i < strided ? Layers.downsample(in, out) : Layers.narrow(in, out)));
            norms.add(i == 0 ? null : new NormLayer(this, "norm" + i, norm, out));
            in = out;
            out = Math.min(out * 2, 8 * width);
        }
        convs.add(register_module("conv" + (strided + 1), Layers.narrow(in, 1)));
        Layers.channelMajorWeights(this);
    }

    /** Logits [B, 1, h, w], one per patch, for images [B, C, H, W] in [0, 1]. */
    public Tensor forward(Tensor images) {
        Tensor h = images.contiguous().mul(scalar(2.0)).sub(scalar(1.0));
        for (int i = 0; i < convs.size() - 1; i++) {
            h = convs.get(i).forward(h);
            NormLayer n = norms.get(i);
            h = torch.leaky_relu(n == null ? h : n.forward(h), scalar(LEAK));
        }
        return convs.get(convs.size() - 1).forward(h);
    }
}
