package dev.regen.train;

import dev.regen.config.DataConfig;
import dev.regen.config.ModelConfig;
import dev.regen.config.Provenance;
import dev.regen.config.TrainConfig;
import dev.regen.config.TrainingState;
import dev.regen.io.Manifest;
import dev.regen.io.ModelFile;
import dev.regen.model.SavedModel;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a complete checkpoint (weights, optimizer states, progress, history) after every epoch,
 * atomically, so that a run killed at any moment can be resumed from its last finished epoch.
 */
public final class Checkpointer implements TrainingListener {
    private final TrainingTask task;
    private final TrainConfig training;
    private final DataConfig data;
    private final Provenance provenance;
    private final History history;
    private final Path file;

    /** Checkpoints {@code task}'s model and optimizers to {@code file}. */
    public Checkpointer(TrainingTask task, TrainConfig training, DataConfig data, Provenance provenance,
                        History history, Path file) {
        this.task = task;
        this.training = training;
        this.data = data;
        this.provenance = provenance;
        this.history = history;
        this.file = file;
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        TrainingState state = new TrainingState(metrics.epoch(), metrics.step());
        Map<String, ModelFile.EntryContent> extra = new LinkedHashMap<>(task.optimizers().states());
        extra.put(ModelFile.HISTORY, ModelFile.EntryContent.of(History.toJsonLines(history.epochs())));
        SavedModel.write(file, task.model(), manifest(task.model().config(), training, data, state, provenance),
                extra);
    }

    /** The manifest of a model file. */
    static Manifest manifest(ModelConfig model, TrainConfig training, DataConfig data, TrainingState state,
                             Provenance provenance) {
        return new Manifest(ModelFile.FORMAT, ModelFile.FORMAT_VERSION, model.kind().family().type(), model, training,
                data, state, provenance);
    }
}
