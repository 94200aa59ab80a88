package dev.regen.restore;

import dev.regen.model.Generative;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;

import java.util.function.IntConsumer;

/**
 * Draws from p(z | observation) by {@link LatentSearch#sample}, with chains started at the
 * latent search's optimum; the restoration is the mean of the decoded, consistent samples.
 */
final class PosteriorSampling implements MethodStrategy {
    private final Generative model;
    private final RestoreSettings settings;

    PosteriorSampling(Generative model, RestoreSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    @Override
    public long stepsPerBatch() {
        return 2L * settings.steps();   // the search, then as many Langevin steps
    }

    @Override
    public int samplesPerImage() {
        return settings.samples();
    }

    @Override
    public Restored restore(Observation observation, long batch, IntConsumer stepDone) {
        LatentSearch search = new LatentSearch(model, settings, stepDone);
        Tensor codes = search.sample(observation, search.search(observation, batch));
        try (NoGradGuard noGrad = new NoGradGuard()) {
            Tensor images = observation.repeated(settings.samples()).consistent(model.generate(codes, null));
            long[] perImage = {batch, settings.samples(), images.size(1), images.size(2), images.size(3)};
            return new Restored(images.view(perImage).mean(new long[]{1}, false, new ScalarTypeOptional()), images);
        }
    }
}
