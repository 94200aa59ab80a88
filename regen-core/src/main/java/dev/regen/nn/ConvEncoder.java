package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Stride-2 convolutions with ReLU, then one linear layer: to the posterior parameters in a VAE,
 * to the feature layer in a classifier. For 28x28x1 and base 32: 1x28x28 -> 32x14x14 -> 64x7x7 ->
 * outputs.
 */
public final class ConvEncoder extends Encoder {
    private final List<Conv2dImpl> convs = new ArrayList<>();
    private final LinearImpl head;

    /** Builds the encoder for images of {@code shape} with {@code outputs} output units. */
    public ConvEncoder(ImageShape shape, int baseFilters, int outputs) {
        ConvGeometry g = ConvGeometry.of(shape, baseFilters);
        for (int i = 0; i < g.depth(); i++) {
            convs.add(register_module("conv" + i, Layers.downsample(g.filters()[i], g.filters()[i + 1])));
        }
        head = register_module("head", new LinearImpl(g.flatFeatures(), outputs));
    }

    /**
     * Handles on the convolutions' weights, first layer first, [out, in, 4, 4] each: the shapes of
     * the mirrored decoder's transposed convolutions, last layer first, so a decoder can tie to them.
     */
    public List<Tensor> convolutionWeights() {
        return convs.stream().map(conv -> new Tensor(conv.weight())).toList();
    }

    @Override
    public List<Tensor> pathway(Tensor images) {
        List<Tensor> activations = new ArrayList<>(convs.size() + 1);
        Tensor h = Layers.channelsLastInput(images);
        for (Conv2dImpl conv : convs) {
            h = conv.forward(h).relu();
            activations.add(h);
        }
        activations.add(Layers.denseOverMap(h, head.weight(), head.bias()));
        return activations;
    }
}
