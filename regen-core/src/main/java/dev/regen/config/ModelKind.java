package dev.regen.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The network family a model file holds. */
public enum ModelKind implements Named {
    /** Convolutional VAE whose depth adapts to the image size. */
    CONV_VAE("conv-vae"),
    /** Fully connected VAE on flattened images. */
    MLP_VAE("mlp-vae");

    private final String cliName;

    ModelKind(String cliName) {
        this.cliName = cliName;
    }

    @JsonValue
    @Override
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line or JSON name such as {@code conv-vae}. */
    @JsonCreator
    public static ModelKind parse(String name) {
        return Named.parse(ModelKind.class, "model", name);
    }
}
