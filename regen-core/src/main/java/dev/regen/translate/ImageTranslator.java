package dev.regen.translate;

import dev.regen.config.ImageShape;
import dev.regen.data.PixelOps;
import dev.regen.model.Translator;
import dev.regen.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Translates a user's images at their own size: each is converted to the model's source channels,
 * padded by repeating its border up to the next multiple of {@link Translator#sizeMultiple} on each
 * side (the generator is fully convolutional, so any such size goes through it), translated, and
 * cropped back. Images far from the training size translate, though the model saw only its own.
 */
public final class ImageTranslator {
    private final Translator model;

    /** A translator of images with {@code model}. */
    public ImageTranslator(Translator model) {
        this.model = model;
    }

    /**
     * A translated image.
     *
     * @param pixels channels first, in [0, 1], at {@code shape}
     * @param shape  the input's size with the model's output channels
     * @param padded whether the image was padded to fit the generator, and cropped back
     */
    public record Translated(float[] pixels, ImageShape shape, boolean padded) {
    }

    /** The translation of one image of shape {@code own}. */
    public Translated translate(float[] pixels, ImageShape own) {
        ImageShape source = own.withChannels(model.config().sourceChannels());
        float[] converted = PixelOps.convert(pixels, own, source);
        int multiple = model.sizeMultiple();
        int height = roundUp(own.height(), multiple);
        int width = roundUp(own.width(), multiple);
        ImageShape out = own.withChannels(model.config().shape().channels());
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            model.evaluationMode(true);
            Tensor image = Tensors.images(converted, 1, source);
            Tensor padded = torch.replication_pad2d(image, 0, width - own.width(), 0, height - own.height());
            Tensor translated = model.translate(padded).narrow(2, 0, own.height()).narrow(3, 0, own.width());
            return new Translated(Tensors.floats(translated), out, height != own.height() || width != own.width());
        } finally {
            model.evaluationMode(false);
        }
    }

    private static int roundUp(int side, int multiple) {
        return (side + multiple - 1) / multiple * multiple;
    }
}
