package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;

/** The mirror of {@link MlpEncoder}: latent-hidden-hidden-pixels, tanh between, logits out. */
public final class MlpDecoder extends Decoder {
    private final LinearImpl hidden1;
    private final LinearImpl hidden2;
    private final LinearImpl out;
    private final long[] imageShape;

    /** Builds the decoder for images of {@code shape}. */
    public MlpDecoder(ImageShape shape, int hidden, int latent) {
        hidden1 = register_module("hidden1", new LinearImpl(latent, hidden));
        hidden2 = register_module("hidden2", new LinearImpl(hidden, hidden));
        out = register_module("out", new LinearImpl(hidden, shape.size()));
        imageShape = new long[]{-1, shape.channels(), shape.height(), shape.width()};
    }

    @Override
    public Tensor forward(Tensor latents) {
        Tensor h = hidden2.forward(hidden1.forward(latents).tanh()).tanh();
        return out.forward(h).reshape(imageShape);
    }
}
