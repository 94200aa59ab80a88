package dev.regen.train;

import java.util.List;

/** Hooks called by the trainer; all do nothing unless overridden. */
public interface TrainingListener {
    /** After every optimisation step. */
    default void onStep(StepProgress progress) {
    }

    /** After each epoch, once the test ELBO is known. */
    default void onEpoch(EpochMetrics metrics) {
    }

    /** Calls each listener in turn. */
    static TrainingListener all(List<TrainingListener> listeners) {
        return new TrainingListener() {
            @Override
            public void onStep(StepProgress progress) {
                listeners.forEach(l -> l.onStep(progress));
            }

            @Override
            public void onEpoch(EpochMetrics metrics) {
                listeners.forEach(l -> l.onEpoch(metrics));
            }
        };
    }
}
