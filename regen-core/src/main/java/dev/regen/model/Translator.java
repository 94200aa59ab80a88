package dev.regen.model;

import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.config.TranslationDirection;
import org.bytedeco.pytorch.Tensor;

/**
 * A model that translates images of one domain (A, its training data) into another (B, its
 * targets), and for a two-way model back.
 */
public interface Translator extends Network {
    /**
     * Translated images [B, C, H, W] in [0, 1] of images [B, C', H, W] in [0, 1] of the direction's
     * input channels.
     *
     * @throws IllegalArgumentException for a direction the model does not translate
     */
    Tensor translate(Tensor images, TranslationDirection direction);

    /** Whether the model translates this way: every one from A to B, a two-way one back too. */
    boolean translates(TranslationDirection direction);

    /**
     * What the sides of images of another size must be multiples of: the generators are fully
     * convolutional, so any such size translates.
     */
    int sizeMultiple();

    /** What {@code regen info} adds to the architecture of a model that keeps its input's lightness. */
    static String lightness(ModelConfig config) {
        return config.keepLightness() ? " (relit to the grey input's lightness)" : "";
    }

    /** The shape of the images the model reads in this direction, at its training size. */
    default ImageShape inputShape(TranslationDirection direction) {
        return direction == TranslationDirection.A2B ? config().sourceShape() : config().shape();
    }

    /** The shape of the images the model writes in this direction, at its training size. */
    default ImageShape outputShape(TranslationDirection direction) {
        return inputShape(direction.reversed());
    }
}
