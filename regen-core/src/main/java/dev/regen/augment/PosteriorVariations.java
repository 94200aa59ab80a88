package dev.regen.augment;

import dev.regen.RegenException;
import dev.regen.WorkProgress;
import dev.regen.config.ImageShape;
import dev.regen.data.ImageDataset;
import dev.regen.io.AtomicFiles;
import dev.regen.io.ImageWriter;
import dev.regen.model.Vae;
import dev.regen.sample.Sampler;

import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Synthetic images that stay close to real ones: each real image is encoded, a code is drawn from
 * its posterior q(z | x), and the decoded change G(z) - G(mean) is added to the image itself (as
 * {@code edit.LatentEdit} adds an edit's), labelled with the image's own class. A VAE trained on
 * few images draws from its prior samples that cover little of each class; its posterior around a
 * real image varies that image the ways the model has learned images vary, and adding the change
 * keeps the detail the model does not reconstruct.
 */
public final class PosteriorVariations {
    /** Images varied at once. */
    private static final int BATCH = 256;

    private PosteriorVariations() {
    }

    /**
     * Writes {@code n} variations into the new folder {@code out}, atomically: variation i is of
     * real image i mod the number of real images, in the folder of its class
     * ({@link SyntheticImages#classFolder}) when they are labelled, else flat.
     *
     * @param seed     seed of the posterior draws; the same seed writes the same images
     * @param progress told the number of images written out of all after each batch
     * @throws RegenException when the real images are not of the model's shape, unlabelled for a
     *                        conditional model or of other classes, when {@code n} is below 1, or
     *                        when {@code out} exists
     */
    public static void write(Vae vae, ImageDataset real, int n, long seed, Path out, WorkProgress progress) {
        check(vae, real, n);
        ImageShape shape = vae.config().shape();
        int size = shape.size();
        boolean labelled = real.classes() > 0;
        AtomicFiles.writeFolder(out, tmp -> {
            Random seeds = new Random(seed);
            for (int start = 0; start < n; start += BATCH) {
                int count = Math.min(BATCH, n - start);
                int[] sources = IntStream.range(start, start + count).map(i -> i % real.size()).toArray();
                float[] images = real.read(sources);
                int[] labels = labelled ? IntStream.of(sources).map(real::label).toArray() : null;
                int[] modelLabels = vae.config().conditional() ? labels : null;
                Sampler.PosteriorCodes codes =
                        Sampler.posteriorCodes(vae, images, modelLabels, count, seeds.nextLong());
                float[] varied = Sampler.withDecodedChange(images,
                        Sampler.decode(vae, codes.draws(), modelLabels, count),
                        Sampler.decode(vae, codes.means(), modelLabels, count));
                for (int i = 0; i < count; i++) {
                    Path folder = labelled ? tmp.resolve(SyntheticImages.classFolder(labels[i], real.classes())) : tmp;
                    ImageWriter.writePng(ImageWriter.toImage(varied, i * size, shape),
                            folder.resolve(String.format("variation-%06d.png", start + i)));
                }
                progress.progress(start + count, n);
            }
        });
    }

    private static void check(Vae vae, ImageDataset real, int n) {
        if (n < 1) {
            throw new RegenException("give at least one image to generate, got " + n);
        }
        if (real.size() == 0 || !real.shape().equals(vae.config().shape())) {
            throw new RegenException("variations need real images of the model's shape " + vae.config().shape()
                    + ", got " + real.size() + " of " + real.shape());
        }
        if (vae.config().conditional() && real.classes() != vae.config().classes()) {
            throw new RegenException("a conditional model varies images labelled with its " + vae.config().classes()
                    + " classes, got " + (real.classes() == 0 ? "unlabelled images" : real.classes() + " classes"));
        }
    }
}
