package dev.regen.augment;

import dev.regen.RegenException;
import dev.regen.WorkProgress;
import dev.regen.config.ImageShape;
import dev.regen.io.AtomicFiles;
import dev.regen.io.ImageWriter;
import dev.regen.model.Generative;
import dev.regen.sample.Sampler;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Writes a generative model's samples as an image folder: one sub-folder per class for a
 * conditional model, named by the label's number zero-padded so that their sorted order is the
 * labels' order (how an image folder is labelled when read), and flat for an unconditional one.
 */
public final class SyntheticImages {
    /** Images generated at once: large enough to keep the cores busy, small enough for any image size. */
    private static final int BATCH = 256;

    private SyntheticImages() {
    }

    /** Labels for {@code n} images balanced over {@code classes}: image i draws class i mod classes. */
    public static int[] balanced(int n, int classes) {
        return IntStream.range(0, n).map(i -> i % classes).toArray();
    }

    /** {@code n} labels, all {@code label}: synthetic images of one class. */
    public static int[] only(int n, int label) {
        int[] labels = new int[n];
        Arrays.fill(labels, label);
        return labels;
    }

    /** The sub-folder of class {@code label} out of {@code classes}: 7 of 10 is "7", 7 of 120 is "007". */
    public static String classFolder(int label, int classes) {
        int digits = String.valueOf(classes - 1).length();
        return String.format("%0" + digits + "d", label);
    }

    /**
     * Writes {@code n} samples into the new folder {@code out}, atomically: a failure leaves no folder.
     *
     * @param labels   the class of each image for a conditional model ({@code n} of them), or null
     *                 for an unconditional one
     * @param seed     seed of the latent draws; the same seed writes the same images
     * @param progress told the number of images written out of all after each batch
     * @throws RegenException when labels are missing for a conditional model, given for an
     *                        unconditional one, or out of the model's range, or {@code out} exists
     */
    public static void write(Generative model, int n, int[] labels, long seed, Path out, WorkProgress progress) {
        check(model, n, labels);
        ImageShape shape = model.config().shape();
        int classes = model.config().classes();
        AtomicFiles.writeFolder(out, tmp -> {
            Random seeds = new Random(seed);
            for (int start = 0; start < n; start += BATCH) {
                int count = Math.min(BATCH, n - start);
                int[] batchLabels = labels == null ? null : Arrays.copyOfRange(labels, start, start + count);
                float[] images = Sampler.sample(model, count, seeds.nextLong(), batchLabels);
                for (int i = 0; i < count; i++) {
                    Path folder = labels == null ? tmp : tmp.resolve(classFolder(batchLabels[i], classes));
                    float[] one = Arrays.copyOfRange(images, i * shape.size(), (i + 1) * shape.size());
                    ImageWriter.writePng(one, shape, folder.resolve(String.format("synthetic-%06d.png", start + i)));
                }
                progress.progress(start + count, n);
            }
        });
    }

    private static void check(Generative model, int n, int[] labels) {
        if (n < 1) {
            throw new RegenException("give at least one image to generate, got " + n);
        }
        int classes = model.config().classes();
        if (labels == null && classes > 0) {
            throw new RegenException("a conditional model needs the label of each image it generates");
        }
        if (labels != null && classes == 0) {
            throw new RegenException("labels need a conditional model; this one is unconditional");
        }
        if (labels != null) {
            if (labels.length != n) {
                throw new RegenException(labels.length + " labels for " + n + " images");
            }
            for (int label : labels) {
                if (label < 0 || label >= classes) {
                    throw new RegenException("label " + label + " is out of range: the model has labels 0 to "
                            + (classes - 1));
                }
            }
        }
    }
}
