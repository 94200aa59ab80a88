package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

import static dev.regen.nn.Tensors.scalar;

/**
 * Scores images as real or fake: the encoder's stride-2 convolutions with leaky ReLU (slope 0.2),
 * then one linear unit. With batch norm (DCGAN; Radford et al. 2016) every convolution but the
 * first is normalised; with spectral norm (SN-GAN; Miyato et al. 2018) every weight is divided by
 * its largest singular value; a WGAN-GP critic has neither, since its gradient penalty is per image.
 *
 * <p>A conditional discriminator sees the label as extra input planes, one per class, all zero
 * but the label's, which is one (Mirza and Osindero 2014). A projection term (Miyato and Koyama
 * 2018) was tried first: its class embedding is not normalised, grew to dominate the score, and
 * the generators collapsed to one image per class; label planes did not (docs/BENCHMARKS.md).
 */
public final class ConvDiscriminator extends Module {
    private static final double LEAK = 0.2;

    private final List<Conv2dImpl> convs = new ArrayList<>();
    private final List<BatchNorm2dImpl> norms = new ArrayList<>();
    private final List<SpectralNorm> spectral = new ArrayList<>();
    private final LinearImpl head;
    private final int classes;

    /** How the discriminator's layers are normalised. */
    public enum Normalisation {
        /** No normalisation (WGAN-GP). */
        NONE,
        /** Batch norm after every convolution but the first (DCGAN). */
        BATCH,
        /** Spectral norm of every weight (SN-GAN). */
        SPECTRAL
    }

    /** Builds a discriminator for images of {@code shape}; {@code classes} 0 for an unconditional one. */
    public ConvDiscriminator(ImageShape shape, int baseFilters, int classes, Normalisation normalisation) {
        boolean batchNorm = normalisation == Normalisation.BATCH;
        ConvGeometry g = ConvGeometry.of(shape, baseFilters);
        this.classes = classes;
        for (int i = 0; i < g.depth(); i++) {
            int inputs = i == 0 ? g.filters()[0] + classes : g.filters()[i];
            convs.add(register_module("conv" + i, Layers.downsample(inputs, g.filters()[i + 1])));
            if (batchNorm && i > 0) {
                norms.add(register_module("norm" + i, new BatchNorm2dImpl(new BatchNormOptions(g.filters()[i + 1]))));
            }
        }
        head = register_module("head", new LinearImpl(g.flatFeatures(), 1));
        if (normalisation == Normalisation.SPECTRAL) {
            for (int i = 0; i < convs.size(); i++) {
                spectral.add(new SpectralNorm(this, "conv" + i + "_sn", convs.get(i).weight()));
            }
            spectral.add(new SpectralNorm(this, "head_sn", head.weight()));
        }
    }

    /** Scores [B] for images [B, C, H, W]; {@code labels} [B] (int64) or null when unconditional. */
    public Tensor forward(Tensor images, Tensor labels) {
        Tensor h = Layers.channelsLastInput(classes == 0 ? images : torch.cat(new TensorVector(images,
                labelPlanes(labels, images.size(2), images.size(3))), 1));
        for (int i = 0; i < convs.size(); i++) {
            h = convolve(i, h);
            if (!norms.isEmpty() && i > 0) {
                h = norms.get(i - 1).forward(h);
            }
            h = torch.leaky_relu(h, scalar(LEAK));
        }
        Tensor features = h.flatten(1, -1);
        return (spectral.isEmpty() ? head.forward(features)
                : torch.linear(features, spectral.get(convs.size()).normalized(), new TensorOptional(head.bias())))
                .flatten(0, -1);
    }

    /**
     * The {@code i}th convolution, spectrally normalised or not. When gradients must reach the
     * images (the generator's step, the gradient penalty), the first one runs as a patch GEMM
     * ({@link PatchGemm}): oneDNN is faster on the image's few channels forward and for the
     * weights' gradient, but not for the input's (docs/BENCHMARKS.md).
     */
    private Tensor convolve(int i, Tensor h) {
        Conv2dImpl conv = convs.get(i);
        Tensor weight = spectral.isEmpty() ? conv.weight() : spectral.get(i).normalized();
        if (i == 0 && h.requires_grad()) {
            return PatchGemm.conv(h, weight, conv.bias());
        }
        return spectral.isEmpty() ? conv.forward(h) : torch.conv2d(h, weight, new TensorOptional(conv.bias()),
                new long[]{2, 2}, new long[]{1, 1}, new long[]{1, 1}, 1);
    }

    /** One-hot planes [B, classes, H, W]: plane y is all ones for an image of label y. */
    private Tensor labelPlanes(Tensor labels, long height, long width) {
        long batch = labels.size(0);
        return torch.one_hot(labels, classes).to(torch.ScalarType.Float).reshape(batch, classes, 1, 1)
                .expand(batch, classes, height, width);
    }
}
