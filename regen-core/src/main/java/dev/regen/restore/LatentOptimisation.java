package dev.regen.restore;

import dev.regen.model.Generative;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

import java.util.function.IntConsumer;

/** The lowest-energy latent code found by {@link LatentSearch#search}, decoded and made consistent. */
final class LatentOptimisation implements MethodStrategy {
    private final Generative model;
    private final RestoreSettings settings;

    LatentOptimisation(Generative model, RestoreSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    @Override
    public long stepsPerBatch() {
        return settings.steps();
    }

    @Override
    public Restored restore(Observation observation, long batch, IntConsumer stepDone) {
        Tensor best = new LatentSearch(model, settings, stepDone).search(observation, batch);
        try (NoGradGuard noGrad = new NoGradGuard()) {
            return new Restored(observation.consistent(model.generate(best, null)), null);
        }
    }
}
