package dev.regen.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the optimizers' learning rate changes over a run. */
public enum LearningRateSchedule implements Named {
    /** The same rate from the first step to the last. */
    CONSTANT("constant"),
    /**
     * Cosine annealing from the full rate down to zero at the end of the last epoch (Loshchilov and
     * Hutter 2017): for a fixed budget of epochs it usually ends at a better optimum than a
     * constant rate, since the last epochs take ever smaller steps.
     */
    COSINE("cosine"),
    /**
     * The full rate, then a linear fall to zero at the end over the last decay epochs, as CycleGAN
     * trains (Zhu et al. 2017: 100 epochs constant, 100 decaying).
     */
    LINEAR("linear");

    private final String id;

    LearningRateSchedule(String id) {
        this.id = id;
    }

    /**
     * The fraction of the full learning rate to use for a step that begins after {@code epochsDone}
     * of the run's {@code epochs} (fractional: half-way through epoch 3 is 2.5).
     *
     * @param decayEpochs the linear schedule's decaying epochs at the end (0: the second half)
     */
    public double factor(double epochsDone, int epochs, int decayEpochs) {
        return switch (this) {
            case CONSTANT -> 1.0;
            case COSINE -> 0.5 * (1.0 + Math.cos(Math.PI * Math.min(1.0, epochsDone / epochs)));
            case LINEAR -> {
                double decay = decayEpochs > 0 ? Math.min(decayEpochs, epochs) : epochs / 2.0;
                yield Math.max(0.0, Math.min(1.0, (epochs - epochsDone) / decay));
            }
        };
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** Parses a setting name such as {@code cosine}. */
    @JsonCreator
    public static LearningRateSchedule parse(String name) {
        return Named.parse(LearningRateSchedule.class, "learning-rate schedule", name);
    }
}
