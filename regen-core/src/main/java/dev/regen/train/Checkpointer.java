package dev.regen.train;

import dev.regen.config.DataConfig;
import dev.regen.config.ModelConfig;
import dev.regen.config.Provenance;
import dev.regen.config.TrainConfig;
import dev.regen.config.TrainingState;
import dev.regen.io.Manifest;
import dev.regen.io.ModelFile;
import dev.regen.model.SavedVae;
import dev.regen.model.Vae;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a complete checkpoint (weights, optimizer state, progress, history) after every epoch,
 * atomically, so that a run killed at any moment can be resumed from its last finished epoch.
 */
public final class Checkpointer implements TrainingListener {
    private final Vae vae;
    private final VaeTrainer trainer;
    private final TrainConfig training;
    private final DataConfig data;
    private final Provenance provenance;
    private final History history;
    private final Path file;

    /** Checkpoints {@code vae} and {@code trainer}'s optimizer to {@code file}. */
    public Checkpointer(Vae vae, VaeTrainer trainer, TrainConfig training, DataConfig data, Provenance provenance,
                        History history, Path file) {
        this.vae = vae;
        this.trainer = trainer;
        this.training = training;
        this.data = data;
        this.provenance = provenance;
        this.history = history;
        this.file = file;
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        TrainingState state = new TrainingState(metrics.epoch(), metrics.step());
        Manifest manifest = manifest(vae.config(), training, data, state, provenance);
        SavedVae.toFile(vae, manifest, Map.of(
                ModelFile.OPTIMIZER, trainer.optimizerState(),
                ModelFile.HISTORY, History.toJsonLines(history.epochs()))).write(file);
    }

    /** The manifest of a VAE model file. */
    static Manifest manifest(ModelConfig model, TrainConfig training, DataConfig data, TrainingState state,
                             Provenance provenance) {
        return new Manifest(ModelFile.FORMAT, ModelFile.FORMAT_VERSION, SavedVae.TYPE, model, training, data, state,
                provenance);
    }
}
