package dev.regen.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The adversarial loss of a translation model, as the originals' {@code --gan_mode} offers. */
public enum GanLoss implements Named {
    /** Cross-entropy on the discriminator's logits (Goodfellow et al. 2014), the generator's non-saturating. */
    VANILLA,
    /** Least squares towards 1 for real and 0 for fake (Mao et al. 2017). */
    LSGAN,
    /** The hinge loss (Lim and Ye 2017; Miyato et al. 2018). */
    HINGE;

    @JsonValue
    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a name such as {@code lsgan}. */
    @JsonCreator
    public static GanLoss parse(String name) {
        return Named.parse(GanLoss.class, "GAN loss", name);
    }
}
