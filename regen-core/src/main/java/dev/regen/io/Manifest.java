package dev.regen.io;

import dev.regen.config.DataConfig;
import dev.regen.config.ModelConfig;
import dev.regen.config.Provenance;
import dev.regen.config.TrainConfig;
import dev.regen.config.TrainingState;

/**
 * The {@code config.json} of a model file: what the file is, how to rebuild the model, and how it
 * was trained.
 *
 * @param format        always {@value ModelFile#FORMAT}
 * @param formatVersion layout version of the file
 * @param type          model family, such as {@code vae}
 * @param model         architecture
 * @param training      training settings
 * @param data          data settings, so that a run can be resumed
 * @param state         progress of training when written
 * @param provenance    origin
 */
public record Manifest(String format, int formatVersion, String type, ModelConfig model, TrainConfig training,
                       DataConfig data, TrainingState state, Provenance provenance) {
    /** A copy describing another architecture. */
    public Manifest withModel(ModelConfig newModel) {
        return new Manifest(format, formatVersion, type, newModel, training, data, state, provenance);
    }
}
