package dev.regen.nn;

import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * Colourisation that keeps the grey input's lightness, as the pix2pix authors colourise in Lab
 * (the input's L, the network's a and b): the generator's colour image is shifted by the same
 * amount in all three channels until its BT.601 luma, the weights grey conversion uses
 * ({@code PixelOps}), equals the input's grey level. The weights sum to one, so the shift changes
 * the luma by exactly that amount and leaves the colour differences between channels alone; only
 * clamping to [0, 1] at saturated colours can leave the luma off.
 */
public final class Lightness {
    private Lightness() {
    }

    /** {@code colour} [B, 3, H, W] relit to the lightness of {@code grey} [B, 1, H, W], both in [0, 1]. */
    public static Tensor relit(Tensor colour, Tensor grey) {
        Tensor luma = colour.narrow(1, 0, 1).mul(scalar(0.299))
                .add(colour.narrow(1, 1, 1).mul(scalar(0.587)))
                .add(colour.narrow(1, 2, 1).mul(scalar(0.114)));
        return torch.clamp(colour.add(grey.sub(luma)), new ScalarOptional(scalar(0.0)),
                new ScalarOptional(scalar(1.0)));
    }
}
