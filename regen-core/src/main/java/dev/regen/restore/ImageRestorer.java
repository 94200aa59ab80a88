package dev.regen.restore;

import dev.regen.RegenException;
import dev.regen.WorkProgress;
import dev.regen.config.ImageShape;
import dev.regen.data.PixelOps;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Damaged;
import dev.regen.model.Network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Restores a user's damaged images of any size: each is resized (bilinear) to what the model
 * observes, restored there, and the restoration resized back to the image's own size, or for
 * super-resolution to that size times the factor. A mask is read at the image's own size and
 * resized with it, a pixel counting as known where most of it was. Every result says whether it
 * was resized. A grey image given to a colour model is repeated in each channel first.
 */
public final class ImageRestorer {
    private final Network model;
    private final Corruption damage;
    private final Restoration restoration;

    /**
     * @param damage what was done to the images, as the user describes it
     * @throws RegenException when the model cannot restore with this method
     */
    public ImageRestorer(Network model, Corruption damage, Method method, RestoreSettings settings) {
        this.model = model;
        this.damage = damage;
        this.restoration = new Restoration(model, damage, method, settings);
    }

    /**
     * A damaged image.
     *
     * @param name   what the user calls it, for messages and file names
     * @param pixels channels first, values in [0, 1]
     * @param shape  its own shape
     */
    public record Input(String name, float[] pixels, ImageShape shape) {
        /** Checks that the pixels fill the shape. */
        public Input {
            if (pixels.length != shape.size()) {
                throw new RegenException(name + " has " + pixels.length + " values, not the " + shape.size()
                        + " of a " + shape + " image");
            }
        }
    }

    /**
     * A restored image.
     *
     * @param name            the input's name
     * @param restored        at {@code shape}
     * @param shape           the input's own size, or for super-resolution that size times the factor
     * @param samples         {@code samplesPerImage} posterior samples at the model's size, or empty
     * @param resizedFrom     the damaged image's own shape when it was resized for the model, else null
     * @param resizedTo       the shape it was resized to, else null
     */
    public record Output(String name, float[] restored, ImageShape shape, float[] samples, int samplesPerImage,
                         ImageShape resizedFrom, ImageShape resizedTo) {
    }

    /** Restores every image; seeded, so repeated runs agree. */
    public List<Output> restore(List<Input> images, long seed, WorkProgress progress) {
        ImageShape modelShape = model.config().shape();
        ImageShape observed = damage.damagedShape(modelShape);
        List<Damaged> damaged = new ArrayList<>();
        for (Input in : images) {
            if (in.shape().channels() > modelShape.channels()) {
                throw new RegenException(in.name() + " has " + in.shape().channels() + " channels but the model "
                        + "restores " + modelShape.channels() + "-channel images");
            }
            // A grey image for a colour model is repeated in every channel, as training data is.
            ImageShape shape = in.shape().withChannels(modelShape.channels());
            Damaged own = damage.observation(PixelOps.convert(in.pixels(), in.shape(), shape), shape);
            damaged.add(new Damaged(PixelOps.convert(own.pixels(), shape, observed), observed,
                    own.known() == null ? null : knownAtSize(own.known(), shape, modelShape)));
        }
        Restoration.Result result = restoration.run(damaged, seed, progress);
        int size = modelShape.size();
        int k = result.samplesPerImage();
        List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            ImageShape own = images.get(i).shape().withChannels(modelShape.channels());
            ImageShape target = originalShape(own, observed, modelShape);
            float[] restored = Arrays.copyOfRange(result.restored(), i * size, (i + 1) * size);
            outputs.add(new Output(images.get(i).name(), PixelOps.convert(restored, modelShape, target), target,
                    Arrays.copyOfRange(result.samples(), i * k * size, (i + 1) * k * size), k,
                    own.equals(observed) ? null : own, own.equals(observed) ? null : observed));
        }
        return outputs;
    }

    /** The size of the original behind a damaged image of {@code shape}: its own, scaled as the damage shrank it. */
    private static ImageShape originalShape(ImageShape shape, ImageShape observed, ImageShape modelShape) {
        return new ImageShape(shape.channels(), shape.height() * modelShape.height() / observed.height(),
                shape.width() * modelShape.width() / observed.width());
    }

    /** A mask of known pixels at the image's size, resized to the model's. */
    private static float[] knownAtSize(float[] known, ImageShape image, ImageShape model) {
        ImageShape plane = new ImageShape(1, image.height(), image.width());
        float[] resized = PixelOps.convert(known, plane, new ImageShape(1, model.height(), model.width()));
        for (int i = 0; i < resized.length; i++) {
            resized[i] = resized[i] >= 0.5f ? 1f : 0f;   // a pixel is known only where most of it was
        }
        return resized;
    }
}
