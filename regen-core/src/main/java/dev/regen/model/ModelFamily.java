package dev.regen.model;

import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Everything Regen knows of a model family apart from its training step: the network class, how
 * to build one, the defaults every front end offers, and which settings it accepts. Each family
 * declares its own beside its model class; {@link ModelFamilies} lists them.
 *
 * @param family     the family, as model files name it
 * @param type       the network class
 * @param factory    builds an untrained network
 * @param defaults   the defaults for each kind of the family
 * @param validation   fails with a message naming the setting when a setting does not fit the family
 * @param architecture the layers a configuration builds, in one line, for reports and {@code info}
 * @param <N>          the network class
 */
public record ModelFamily<N extends Network>(ModelKind.Family family, Class<N> type,
                                             Function<ModelConfig, N> factory,
                                             Function<ModelKind, Defaults> defaults,
                                             BiConsumer<ModelConfig, TrainConfig> validation,
                                             Function<ModelConfig, String> architecture) {
    /**
     * The settings a user who gives none gets.
     *
     * @param latent       latent dimensions (a classifier: feature units)
     * @param width        filters of the first conv layer, or hidden units of an MLP
     * @param learningRate Adam's step size
     * @param criticSteps  discriminator steps per generator step (1 where there is no discriminator)
     */
    public record Defaults(int latent, int width, double learningRate, int criticSteps) {
    }

    /** Fails unless {@code training} suits a model of {@code model}'s architecture. */
    public void validate(ModelConfig model, TrainConfig training) {
        validation.accept(model, training);
    }
}
