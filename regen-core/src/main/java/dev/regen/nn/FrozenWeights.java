package dev.regen.nn;

import org.bytedeco.pytorch.TensorVector;

/**
 * Stops gradients at some weights while a backward pass runs through them for the sake of
 * something else (latent codes in restoration, the generator in a GAN step), so that the engine
 * skips their weight gradients, which would only be thrown away; puts them back when closed.
 */
public final class FrozenWeights implements AutoCloseable {
    private final TensorVector parameters;

    /** Freezes {@code parameters}. */
    public FrozenWeights(TensorVector parameters) {
        this.parameters = parameters;
        for (long i = 0; i < parameters.size(); i++) {
            parameters.get(i).requires_grad_(false);
        }
    }

    /** Unfreezes them. */
    @Override
    public void close() {
        for (long i = 0; i < parameters.size(); i++) {
            parameters.get(i).requires_grad_(true);
        }
    }
}
