package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;

import java.util.List;

/** Two tanh hidden layers on the flattened image (Burda et al. 2015: 784-200-200-latent). */
public final class MlpEncoder extends Encoder {
    private final LinearImpl hidden1;
    private final LinearImpl hidden2;
    private final LinearImpl head;

    /** Builds the encoder for images of {@code shape} with {@code hidden} units per hidden layer. */
    public MlpEncoder(ImageShape shape, int hidden, int latent) {
        hidden1 = register_module("hidden1", new LinearImpl(shape.size(), hidden));
        hidden2 = register_module("hidden2", new LinearImpl(hidden, hidden));
        head = register_module("head", new LinearImpl(hidden, 2L * latent));
    }

    @Override
    public List<Tensor> pathway(Tensor images) {
        Tensor h1 = hidden1.forward(images.flatten(1, -1)).tanh();
        Tensor h2 = hidden2.forward(h1).tanh();
        return List.of(h1, h2, head.forward(h2));
    }
}
