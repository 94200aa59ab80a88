package dev.regen.restore;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.TensorVector;

/**
 * Stops gradients at a network's weights while restoration differentiates through it with
 * respect to latent codes only, so that backward passes skip the weight gradients; puts them
 * back when closed.
 */
final class FrozenWeights implements AutoCloseable {
    private final TensorVector parameters;

    FrozenWeights(Module network) {
        parameters = network.parameters();
        for (long i = 0; i < parameters.size(); i++) {
            parameters.get(i).requires_grad_(false);
        }
    }

    @Override
    public void close() {
        for (long i = 0; i < parameters.size(); i++) {
            parameters.get(i).requires_grad_(true);
        }
    }
}
