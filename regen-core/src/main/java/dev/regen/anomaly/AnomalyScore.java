package dev.regen.anomaly;

import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.Named;

/** The per-image anomaly scores; each is higher for images less like the training data. */
public enum AnomalyScore implements Named {
    /** The negative ELBO in nats, one posterior sample. */
    ELBO("elbo"),
    /** The negative IWAE bound in nats with K importance samples: the tightest likelihood estimate. */
    IWAE("iwae"),
    /** Squared error between the image and its reconstruction from the posterior mean. */
    RECONSTRUCTION("reconstruction"),
    /**
     * The squared error between the image and its reconstruction in the pixels and in every encoder
     * layer, summed (RaPP's SAP, Kim et al. 2020: the reconstruction fed through the encoder again).
     */
    PATHWAY("pathway"),
    /**
     * The same differences whitened by the principal axes of normal images' own (RaPP's NAP, see
     * {@link PathwayWhitening}): needs normal images to fit on.
     */
    WHITENED_PATHWAY("pathway-whitened"),
    /**
     * The IWAE bound in bits less the image's PNG size in bits (Serra et al. 2020, eq. 2): likelihood
     * favours simple images, such as digits on black to a model of clothes, and a generic compressor
     * measures that simplicity. Both lengths must count the same 8-bit image, so it needs the
     * discretised logistic likelihood (a Bernoulli or Gaussian density on grey levels is no code
     * length for them).
     */
    COMPLEXITY("complexity");

    private final String id;

    AnomalyScore(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** Whether this score is defined for a model of {@code config}. */
    public boolean appliesTo(ModelConfig config) {
        return this != COMPLEXITY || config.likelihood() == Likelihood.LOGISTIC;
    }

    /** The score named {@code name}, such as {@code iwae}. */
    public static AnomalyScore parse(String name) {
        return Named.parse(AnomalyScore.class, "anomaly score", name);
    }
}
