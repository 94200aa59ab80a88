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

import java.util.List;

/**
 * Translates a user's images at their own size: each is converted to the model's source channels,
 * padded by repeating its border up to the next multiple of {@link Translator#sizeMultiple} on each
 * side (the generator is fully convolutional, so any such size goes through it), translated, and
 * cropped back. Images far from the training size translate, though the model saw only its own.
 *
 * <p>Given several models of the same shapes (an ensemble, such as one network trained with several
 * seeds), the translation is the mean of theirs: each model's error is partly its own, so the mean
 * is closer to the truth in squared error than a member on average (Krogh and Vedelsby 1995: the
 * ensemble's error is the members' mean error less their spread), at the price of softer images.
 */
public final class ImageTranslator {
    /**
     * The most pixels an image may have to translate at its own size: a generator's feature maps at
     * 1024x1024 already take a few GB, and a larger image would exhaust memory.
     */
    public static final long MAX_PIXELS = 1024L * 1024;

    private final List<Translator> models;
    private final int sizeMultiple;

    /** A translator of images with {@code model}. */
    public ImageTranslator(Translator model) {
        this(List.of(model));
    }

    /**
     * A translator of images with the mean of {@code models}' translations.
     *
     * @throws RegenException unless the models read and write images of the same shapes both ways
     */
    public ImageTranslator(List<? extends Translator> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs a model");
        }
        this.models = List.copyOf(models);
        Translator first = models.get(0);
        for (Translator other : models) {
            if (!other.config().sourceShape().equals(first.config().sourceShape())
                    || !other.config().shape().equals(first.config().shape())) {
                throw new RegenException("an ensemble averages models of one shape: " + describe(other)
                        + " against " + describe(first));
            }
        }
        // Every model's multiple is a power of two, so the largest is a multiple of each.
        sizeMultiple = models.stream().mapToInt(Translator::sizeMultiple).max().orElseThrow();
    }

    /** What the sides of an image are padded to a multiple of: the largest {@link Translator#sizeMultiple}. */
    public int sizeMultiple() {
        return sizeMultiple;
    }

    private static String describe(Translator model) {
        return "a " + model.config().kind().id() + " model of " + model.config().sourceShape() + " -> "
                + model.config().shape() + " images";
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
        Translator model = models.get(0);
        models.forEach(member -> requireDirection(member, direction));
        if ((long) own.height() * own.width() > MAX_PIXELS) {
            throw new RegenException("a " + own.height() + "x" + own.width() + " image is too large to translate at its "
                    + "own size (at most " + MAX_PIXELS + " pixels, such as 1024x1024): resize it first");
        }
        ImageShape source = own.withChannels(model.inputShape(direction).channels());
        float[] converted = PixelOps.convert(pixels, own, source);
        int height = roundUp(own.height(), sizeMultiple);
        int width = roundUp(own.width(), sizeMultiple);
        ImageShape out = own.withChannels(model.outputShape(direction).channels());
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor image = Tensors.images(converted, 1, source);
            Tensor padded = torch.replication_pad2d(image, 0, width - own.width(), 0, height - own.height());
            Tensor translated = mean(padded, direction).narrow(2, 0, own.height()).narrow(3, 0, own.width());
            return new Translated(Tensors.floats(translated), out, height != own.height() || width != own.width());
        }
    }

    /**
     * Translations of {@code n} images of the models' input shape in {@code direction}, in one batch.
     *
     * @throws RegenException for a direction a model does not translate
     */
    public float[] translate(float[] images, int n, TranslationDirection direction) {
        models.forEach(member -> requireDirection(member, direction));
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            return Tensors.floats(mean(Tensors.images(images, n, models.get(0).inputShape(direction)), direction));
        }
    }

    /** The mean of the models' translations of {@code images}, each model in evaluation mode. */
    private Tensor mean(Tensor images, TranslationDirection direction) {
        Tensor sum = null;
        for (Translator member : models) {
            try {
                member.evaluationMode(true);
                Tensor translated = member.translate(images, direction);
                sum = sum == null ? translated : sum.add(translated);
            } finally {
                member.evaluationMode(false);
            }
        }
        return models.size() == 1 ? sum : sum.div(Tensors.scalar((double) models.size()));
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
