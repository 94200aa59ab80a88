package dev.regen.train;

import dev.regen.config.TrainConfig;
import dev.regen.model.Classifier;
import dev.regen.model.CycleGan;
import dev.regen.model.Gan;
import dev.regen.model.ModelFamily;
import dev.regen.model.Network;
import dev.regen.model.Pix2Pix;
import dev.regen.model.Vae;
import dev.regen.model.VaeGan;

import java.util.List;
import java.util.function.BiFunction;

/** The registry of training steps: one line per model family. */
final class TrainingSteps {
    private static final List<Registration<?>> ALL = List.of(
            new Registration<>(Vae.FAMILY, VaeTask::new),
            new Registration<>(Gan.FAMILY, GanTask::new),
            new Registration<>(VaeGan.FAMILY, VaeGanTask::new),
            new Registration<>(Pix2Pix.FAMILY, Pix2PixTask::new),
            new Registration<>(CycleGan.FAMILY, CycleGanTask::new),
            new Registration<>(Classifier.FAMILY, ClassifierTask::new));

    private TrainingSteps() {
    }

    /** A family and the task that trains its networks. */
    private record Registration<N extends Network>(ModelFamily<N> family,
                                                   BiFunction<N, TrainConfig, TrainingTask> task) {
        TrainingTask create(Network model, TrainConfig config) {
            return task.apply(family.type().cast(model), config);
        }
    }

    /** The task that trains {@code model}. */
    static TrainingTask create(Network model, TrainConfig config) {
        return ALL.stream().filter(r -> r.family().family() == model.config().kind().family()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no training step for " + model.config().kind()))
                .create(model, config);
    }
}
