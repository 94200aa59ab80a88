package dev.regen.model;

import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.Tensor;

/** A model that translates images of one domain into another (pix2pix). */
public interface Translator extends Network {
    /** Translated images [B, C, H, W] in [0, 1] of images [B, sourceChannels, H, W] in [0, 1]. */
    Tensor translate(Tensor images);

    /** The shape of the images it was trained to translate. */
    default ImageShape sourceShape() {
        return config().sourceShape();
    }

    /**
     * What the sides of images of another size must be multiples of: the generator is fully
     * convolutional, so any such size translates.
     */
    int sizeMultiple();
}
