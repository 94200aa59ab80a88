package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The mirror of {@link ConvEncoder}: a linear layer to the smallest feature map, then stride-2
 * transposed convolutions back to the image size. For 28x28x1 and base 32:
 * latent -> 64x7x7 -> 32x14x14 -> 1x28x28 (logits).
 */
public final class ConvDecoder extends Decoder {
    private final LinearImpl stem;
    private final List<ConvTranspose2dImpl> deconvs = new ArrayList<>();
    private final long[] stemShape;

    /** Builds the decoder for images of {@code shape}. */
    public ConvDecoder(ImageShape shape, int baseFilters, int latent) {
        ConvGeometry g = ConvGeometry.of(shape, baseFilters);
        int d = g.depth();
        stemShape = new long[]{-1, g.filters()[d], g.heights()[d], g.widths()[d]};
        stem = register_module("stem", new LinearImpl(latent, g.flatFeatures()));
        for (int i = d; i > 0; i--) {
            int extraRows = g.heights()[i - 1] - 2 * g.heights()[i];
            int extraCols = g.widths()[i - 1] - 2 * g.widths()[i];
            deconvs.add(register_module("deconv" + (i - 1),
                    Layers.upsample(g.filters()[i], g.filters()[i - 1], extraRows, extraCols)));
        }
    }

    @Override
    public Tensor forward(Tensor latents) {
        Tensor h = stem.forward(latents);
        if (!deconvs.isEmpty()) {
            h = h.relu();
        }
        h = Layers.channelsLast(h.reshape(stemShape));
        for (int i = 0; i < deconvs.size(); i++) {
            h = deconvs.get(i).forward(h);
            if (i < deconvs.size() - 1) {
                h = h.relu();
            }
        }
        return h;
    }
}
