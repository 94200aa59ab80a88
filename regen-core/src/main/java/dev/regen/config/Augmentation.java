package dev.regen.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A differentiable augmentation of the images a GAN's discriminator sees (DiffAugment, Zhao et al. 2020). */
public enum Augmentation implements Named {
    /** Random brightness, saturation and contrast. */
    COLOR,
    /** A random shift by up to 1/8 of the image, zero padded. */
    TRANSLATION,
    /** A random rectangle, half the image's height and width, cut out. */
    CUTOUT;

    @JsonValue
    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a name such as {@code translation}. */
    @JsonCreator
    public static Augmentation parse(String name) {
        return Named.parse(Augmentation.class, "augmentation", name);
    }
}
