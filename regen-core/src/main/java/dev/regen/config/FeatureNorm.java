package dev.regen.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a translation model normalises its feature maps, as the originals' {@code --norm} offers. */
public enum FeatureNorm implements Named {
    /**
     * Each image's channels normalised over their own pixels, without learned scale or shift
     * (Ulyanov et al. 2016), as pix2pix and CycleGAN's code does by default for CycleGAN.
     */
    INSTANCE,
    /** Batch norm with learned scale and shift and running statistics for evaluation (Ioffe and Szegedy 2015). */
    BATCH,
    /** No normalisation. */
    NONE;

    @JsonValue
    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a name such as {@code instance}. */
    @JsonCreator
    public static FeatureNorm parse(String name) {
        return Named.parse(FeatureNorm.class, "norm", name);
    }
}
