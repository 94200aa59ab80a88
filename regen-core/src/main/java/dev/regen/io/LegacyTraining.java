package dev.regen.io;

import dev.regen.config.LearningRateSchedule;
import dev.regen.config.TrainConfig;

/**
 * The training settings as model files of format version 1 written before 0.2 store them: one
 * flat object. Read only, to rebuild the sectioned {@link TrainConfig}; fields a file lacks take
 * the values those files trained with (one critic step, a constant rate). The damage of a
 * restoration task is left to {@link ModelFile}, which moves its written form into the objective.
 */
record LegacyTraining(int epochs, int batchSize, double learningRate, double beta, double klWarmupEpochs,
                      double freeBits, double gradClip, long seed, int threads, int criticSteps,
                      Double gradientPenalty, Double adversarialWeight, String inputCorruption, int iwaeSamples,
                      boolean binarize, LearningRateSchedule schedule) {
    /** The same settings in sections. */
    TrainConfig toConfig() {
        TrainConfig.Builder builder = TrainConfig.builder().epochs(epochs).batchSize(batchSize)
                .learningRate(learningRate).schedule(schedule == null ? LearningRateSchedule.CONSTANT : schedule)
                .gradClip(gradClip).beta(beta).klWarmupEpochs(klWarmupEpochs).freeBits(freeBits)
                .iwaeSamples(iwaeSamples).criticSteps(criticSteps == 0 ? 1 : criticSteps).binarize(binarize).seed(seed)
                .threads(threads);
        if (gradientPenalty != null) {
            builder.gradientPenalty(gradientPenalty);
        }
        if (adversarialWeight != null) {
            builder.adversarialWeight(adversarialWeight);
        }
        return builder.build();
    }
}
