package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

/**
 * The mirror of {@link ConvEncoder}: a linear layer to the smallest feature map, then stride-2
 * transposed convolutions back to the image size. For 28x28x1 and base 32:
 * latent -> 64x7x7 -> 32x14x14 -> 1x28x28 (logits). As a GAN generator it puts batch norm after
 * every hidden layer (Radford et al. 2016).
 */
public final class ConvDecoder extends Decoder {
    private final LinearImpl stem;
    private final List<BatchNorm2dImpl> norms = new ArrayList<>();
    /** Each transposed convolution's weight [in, out, 4, 4] and bias, first layer first: its own or tied. */
    private final List<Tensor> weights = new ArrayList<>();
    private final List<Tensor> biases = new ArrayList<>();
    /** Each transposed convolution's output padding, rows and columns, which undoes an odd size's rounding. */
    private final List<long[]> extras = new ArrayList<>();
    /** The stem's output map: channels, height, width. */
    private final long[] stemShape;
    private final int height;
    private final int width;

    /** Builds the VAE decoder for images of {@code shape}. */
    public ConvDecoder(ImageShape shape, int baseFilters, int latent) {
        this(shape, baseFilters, latent, false);
    }

    /**
     * Builds a decoder for images of {@code shape}.
     *
     * @param inputs    length of the input code
     * @param batchNorm put batch norm after the stem and every hidden transposed convolution
     */
    public ConvDecoder(ImageShape shape, int baseFilters, int inputs, boolean batchNorm) {
        this(shape, baseFilters, inputs, batchNorm, null);
    }

    /**
     * Builds a VAE decoder whose transposed convolutions reuse the weights of the mirrored encoder
     * (its {@link ConvEncoder#convolutionWeights()}), each with a bias of its own: a tied
     * autoencoder (Vincent et al. 2010), with about half the convolution parameters.
     */
    public ConvDecoder(ImageShape shape, int baseFilters, int inputs, List<Tensor> tiedWeights) {
        this(shape, baseFilters, inputs, false, tiedWeights);
    }

    private ConvDecoder(ImageShape shape, int baseFilters, int inputs, boolean batchNorm, List<Tensor> tiedWeights) {
        ConvGeometry g = ConvGeometry.of(shape, baseFilters);
        int d = g.depth();
        stemShape = new long[]{g.filters()[d], g.heights()[d], g.widths()[d]};
        height = shape.height();
        width = shape.width();
        stem = register_module("stem", new LinearImpl(inputs, g.flatFeatures()));
        for (int i = d; i > 0; i--) {
            if (batchNorm) {
                norms.add(register_module("norm" + i, new BatchNorm2dImpl(new BatchNormOptions(g.filters()[i]))));
            }
            int extraRows = g.heights()[i - 1] - 2 * g.heights()[i];
            int extraCols = g.widths()[i - 1] - 2 * g.widths()[i];
            extras.add(new long[]{extraRows, extraCols});
            if (tiedWeights == null) {
                ConvTranspose2dImpl deconv = register_module("deconv" + (i - 1),
                        Layers.upsample(g.filters()[i], g.filters()[i - 1], extraRows, extraCols));
                weights.add(new Tensor(deconv.weight()));
                biases.add(new Tensor(deconv.bias()));
            } else {
                weights.add(tiedWeights.get(i - 1));
                // A handle of our own: register_parameter returns a reference into a table that may move.
                biases.add(new Tensor(register_parameter("deconv" + (i - 1) + "_bias", torch.zeros(g.filters()[i - 1]))));
            }
        }
    }

    @Override
    public Tensor forward(Tensor latents) {
        Tensor h = Layers.denseToMap(latents, stem.weight(), stem.bias(), stemShape);
        for (int i = 0; i < weights.size(); i++) {
            // Hidden feature maps (the stem's output and all but the last deconv's) get norm and ReLU.
            h = (norms.isEmpty() ? h : norms.get(i).forward(h)).relu();
            // The last layer paints the image's few channels, where oneDNN's transposed convolution
            // is slow: without gradients (sampling, evaluation) it runs as a patch GEMM, when
            // training as a sub-pixel convolution, whose backward pass is the faster of the two.
            if (i < weights.size() - 1) {
                h = Layers.transposedConv(h, weights.get(i), biases.get(i), extras.get(i));
            } else if (GradMode.is_enabled()) {
                h = SubPixel.transposedConv(h, weights.get(i), biases.get(i), height, width);
            } else {
                h = PatchGemm.transposedConv(h, weights.get(i), biases.get(i), height, width);
            }
        }
        return h;
    }
}
