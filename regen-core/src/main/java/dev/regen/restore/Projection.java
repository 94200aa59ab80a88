package dev.regen.restore;

import dev.regen.RegenException;
import dev.regen.model.Generative;
import dev.regen.model.Vae;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

import java.util.function.IntConsumer;

/**
 * Encode the damaged image, decode the posterior mean, put back what was observed exactly; again
 * and again where the damage keeps exact values, since each round's encoding sees a better image.
 */
final class Projection implements MethodStrategy {
    private final Vae vae;
    private final int rounds;

    Projection(Generative model, RestoreSettings settings) {
        this.vae = model.autoencoder().orElseThrow(() -> new RegenException("a " + model.config().kind().id()
                + " has no encoder to project with: use the optimisation or posterior method"));
        this.rounds = settings.iterations();
    }

    @Override
    public long stepsPerBatch() {
        return 1;
    }

    @Override
    public Restored restore(Observation observation, long batch, IntConsumer stepDone) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            Tensor x = observation.initialGuess();
            for (int i = 0; i < (observation.keepsExactValues() ? rounds : 1); i++) {
                x = observation.consistent(vae.decode(vae.encode(x, null).mean(), null));
            }
            stepDone.accept(1);
            return new Restored(x, null);
        }
    }
}
