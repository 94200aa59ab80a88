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
    COSINE("cosine");

    private final String id;

    LearningRateSchedule(String id) {
        this.id = id;
    }

    /**
     * The fraction of the full learning rate to use for a step that begins after {@code epochsDone}
     * of the run's {@code epochs} (fractional: half-way through epoch 3 is 2.5).
     */
    public double factor(double epochsDone, int epochs) {
        return this == CONSTANT ? 1.0 : 0.5 * (1.0 + Math.cos(Math.PI * Math.min(1.0, epochsDone / epochs)));
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
