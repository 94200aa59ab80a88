package dev.regen.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The decoder's distribution over pixel values p(x|z). */
public enum Likelihood implements Named {
    /** Independent Bernoulli pixels; suits near-binary images such as MNIST. */
    BERNOULLI("bernoulli"),
    /** Gaussian pixels with a learned standard deviation per channel. */
    GAUSSIAN("gaussian"),
    /** Discretised logistic over the 256 levels of 8-bit pixels, with a learned scale per channel. */
    LOGISTIC("logistic");

    private final String id;

    Likelihood(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** Parses a setting name such as {@code bernoulli}. */
    @JsonCreator
    public static Likelihood parse(String name) {
        return Named.parse(Likelihood.class, "likelihood", name);
    }
}
