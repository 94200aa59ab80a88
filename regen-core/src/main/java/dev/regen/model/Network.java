package dev.regen.model;

import dev.regen.config.ModelConfig;
import org.bytedeco.pytorch.Module;

/** Any trainable model: its architecture, its mode, and the engine module that holds its weights. */
public interface Network {
    /** The architecture. */
    ModelConfig config();

    /** Puts the network in evaluation (true) or training (false) mode. */
    void evaluationMode(boolean evaluation);

    /** The network itself, whose parameters and buffers a model file stores. */
    Module network();
}
