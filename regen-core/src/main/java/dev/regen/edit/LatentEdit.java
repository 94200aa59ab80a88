package dev.regen.edit;

import dev.regen.RegenException;
import dev.regen.WorkProgress;
import dev.regen.config.ImageShape;
import dev.regen.data.ArrayDataset;
import dev.regen.model.Generative;
import dev.regen.sample.Embedder;
import dev.regen.sample.Inversion;
import dev.regen.sample.Sampler;

import java.util.Arrays;

/**
 * Edits images through a model's latent code: find the image's code z ({@link Inversion}: a VAE's
 * posterior mean, a GAN's inverted code), move it along a direction to z', decode both, and add the
 * decoded change G(z') - G(z) to the image itself, so that what the model does not reconstruct
 * (fine detail, the exact colours) stays as it was where the edit changes nothing. The decoded image
 * G(z') alone is available too.
 */
public final class LatentEdit {
    /** A pixel is in the edited region when the edit moves one of its channels by more than this. */
    public static final double EDITED_CHANGE = 0.05;
    /** Images edited at once: the evaluation batch. */
    private static final int BATCH = 256;

    private LatentEdit() {
    }

    /**
     * Edited images and how much of them changed.
     *
     * @param images        the edited images, in the order given
     * @param editedShare   the share of pixels in the edited region
     * @param changeOutside the mean absolute change of the other pixels, per channel value: what the
     *                      user did not ask to change
     */
    public record Edited(float[] images, double editedShare, double changeOutside) {
    }

    /**
     * The codes of {@code n} images of the model's shape, found once for every edit of them.
     *
     * @param inversion how the codes are found
     * @param progress  told the number of images done out of {@code n}
     * @throws RegenException for a conditional model, whose class is its label, not a direction
     */
    public static float[] codes(Generative model, float[] images, int n, Inversion inversion, WorkProgress progress) {
        requireUnconditional(model);
        return Embedder.codes(model, new ArrayDataset(model.config().shape(), images, null, "images to edit"),
                inversion, progress);
    }

    /**
     * Edits {@code n} images whose codes {@link #codes} found.
     *
     * @param whole the decoded image G(z') itself instead of the image plus the decoded change
     */
    public static Edited apply(Generative model, float[] images, float[] codes, int n, Direction direction,
                               double amount, boolean whole) {
        ImageShape shape = model.config().shape();
        int size = shape.size();
        int latent = model.config().latent();
        float[] edited = new float[n * size];
        for (int start = 0; start < n; start += BATCH) {
            int count = Math.min(BATCH, n - start);
            float[] batchCodes = Arrays.copyOfRange(codes, start * latent, (start + count) * latent);
            float[] after = Sampler.decode(model, direction.move(batchCodes, amount), null, count);
            float[] batch = whole ? after : Sampler.withDecodedChange(
                    Arrays.copyOfRange(images, start * size, (start + count) * size), after,
                    Sampler.decode(model, batchCodes, null, count));
            System.arraycopy(batch, 0, edited, start * size, count * size);
        }
        return measured(images, edited, n, shape);
    }

    /**
     * Fails for a conditional model: its class is its label, not a direction of its code.
     *
     * @throws RegenException for a conditional model
     */
    public static void requireUnconditional(Generative model) {
        if (model.config().conditional()) {
            throw new RegenException("a conditional model keeps the class in its label, not in its code: edit with "
                    + "an unconditional model");
        }
    }

    /** The edited images with the share of pixels changed beyond {@link #EDITED_CHANGE} and the change elsewhere. */
    static Edited measured(float[] images, float[] edited, int n, ImageShape shape) {
        int plane = shape.height() * shape.width();
        long inside = 0;
        double outsideChange = 0;
        for (int image = 0; image < n; image++) {
            int base = image * shape.size();
            for (int p = 0; p < plane; p++) {
                double largest = 0;
                double sum = 0;
                for (int c = 0; c < shape.channels(); c++) {
                    double change = Math.abs(edited[base + c * plane + p] - images[base + c * plane + p]);
                    largest = Math.max(largest, change);
                    sum += change;
                }
                if (largest > EDITED_CHANGE) {
                    inside++;
                } else {
                    outsideChange += sum;
                }
            }
        }
        long pixels = (long) n * plane;
        long outside = pixels - inside;
        return new Edited(edited, (double) inside / pixels,
                outside == 0 ? 0 : outsideChange / (outside * shape.channels()));
    }
}
