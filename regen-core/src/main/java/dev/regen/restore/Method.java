package dev.regen.restore;

import dev.regen.config.Named;
import dev.regen.model.Generative;

/** How a trained model restores an image. */
public enum Method implements Named {
    /**
     * Encode the damaged image, decode the posterior mean, put the known pixels back; repeated a
     * few times for missing pixels and low resolution. Needs a VAE; one pass of the networks.
     */
    PROJECTION,
    /**
     * Search the latent space for the code whose image best explains the observation under the
     * damage model and the prior, from several starts. Works with any generator.
     */
    OPTIMISATION,
    /**
     * Draw several plausible restorations from p(z | observation) by Metropolis-adjusted Langevin
     * dynamics started at the optimum; their mean is the restoration.
     */
    POSTERIOR;

    @Override
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a method name such as {@code posterior}. */
    public static Method parse(String name) {
        return Named.parse(Method.class, "method", name);
    }

    /** What this method does to a batch, for {@code model}. */
    MethodStrategy strategy(Generative model, RestoreSettings settings) {
        return switch (this) {
            case PROJECTION -> new Projection(model, settings);
            case OPTIMISATION -> new LatentOptimisation(model, settings);
            case POSTERIOR -> new PosteriorSampling(model, settings);
        };
    }
}
