package dev.regen.translate;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.config.TranslationDirection;
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
    /**
     * The most pixels an image may have to translate at its own size: a generator's feature maps at
     * 1024x1024 already take a few GB, and a larger image would exhaust memory.
     */
    public static final long MAX_PIXELS = 1024L * 1024;

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

    /**
     * The translation of one image of shape {@code own} in {@code direction}.
     *
     * @throws RegenException for a direction the model does not translate, or an image of more than
     *                        {@link #MAX_PIXELS} pixels
     */
    public Translated translate(float[] pixels, ImageShape own, TranslationDirection direction) {
        requireDirection(model, direction);
        if ((long) own.height() * own.width() > MAX_PIXELS) {
            throw new RegenException("a " + own.height() + "x" + own.width() + " image is too large to translate at its "
                    + "own size (at most " + MAX_PIXELS + " pixels, such as 1024x1024): resize it first");
        }
        ImageShape source = own.withChannels(model.inputShape(direction).channels());
        float[] converted = PixelOps.convert(pixels, own, source);
        int multiple = model.sizeMultiple();
        int height = roundUp(own.height(), multiple);
        int width = roundUp(own.width(), multiple);
        ImageShape out = own.withChannels(model.outputShape(direction).channels());
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            model.evaluationMode(true);
            Tensor image = Tensors.images(converted, 1, source);
            Tensor padded = torch.replication_pad2d(image, 0, width - own.width(), 0, height - own.height());
            Tensor translated = model.translate(padded, direction).narrow(2, 0, own.height()).narrow(3, 0, own.width());
            return new Translated(Tensors.floats(translated), out, height != own.height() || width != own.width());
        } finally {
            model.evaluationMode(false);
        }
    }

    /**
     * Fails unless {@code model} translates in {@code direction}.
     *
     * @throws RegenException naming the direction it has
     */
    public static void requireDirection(Translator model, TranslationDirection direction) {
        if (!model.translates(direction)) {
            throw new RegenException(model.config().kind().id() + " translates one way, a2b (from its --data to its "
                    + "--target): " + direction.id() + " needs a two-way model (cyclegan)");
        }
    }

    private static int roundUp(int side, int multiple) {
        return (side + multiple - 1) / multiple * multiple;
    }
}
