package dev.regen.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Which way a translation model translates: from domain A (its training inputs) to B, or back. */
public enum TranslationDirection implements Named {
    /** From the domain of the training data ({@code --data}) to that of the targets ({@code --target}). */
    A2B,
    /** Back from the targets' domain to the data's: two-way models only (CycleGAN). */
    B2A;

    /** The other way. */
    public TranslationDirection reversed() {
        return this == A2B ? B2A : A2B;
    }

    @JsonValue
    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code a2b} or {@code b2a}. */
    @JsonCreator
    public static TranslationDirection parse(String name) {
        return Named.parse(TranslationDirection.class, "direction", name);
    }
}
