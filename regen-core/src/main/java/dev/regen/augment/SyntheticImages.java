package dev.regen.augment;

import dev.regen.RegenException;
import dev.regen.WorkProgress;
import dev.regen.config.ImageShape;
import dev.regen.io.AtomicFiles;
import dev.regen.io.ImageWriter;
import dev.regen.model.Classifier;
import dev.regen.model.Generative;
import dev.regen.nn.Tensors;
import dev.regen.sample.Sampler;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
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
    /** A filter that keeps fewer than one sample in this many does not recognise the model's classes. */
    private static final int MAX_DRAWS_PER_IMAGE = 20;

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
     * @param filter   a classifier of real images: keep only the samples it assigns to the class
     *                 they were drawn for, drawing again for the others; or null to keep every sample
     * @param progress told the number of images written out of all after each batch
     * @return the share of samples kept (1 without a filter)
     * @throws RegenException when labels are missing for a conditional model, given for an
     *                        unconditional one, or out of the model's range, when the filter does
     *                        not fit the model, when it keeps too few samples, or when {@code out} exists
     */
    public static double write(Generative model, int n, int[] labels, long seed, Classifier filter, Path out,
                               WorkProgress progress) {
        check(model, n, labels, filter);
        ImageShape shape = model.config().shape();
        int classes = model.config().classes();
        long[] drawn = new long[1];
        AtomicFiles.writeFolder(out, tmp -> {
            Random seeds = new Random(seed);
            Deque<Integer> pending = new ArrayDeque<>();
            IntStream.range(0, n).forEach(pending::add);
            int written = 0;
            while (!pending.isEmpty()) {
                if (drawn[0] > (long) MAX_DRAWS_PER_IMAGE * n) {
                    throw new RegenException("the classifier kept only " + written + " of " + drawn[0] + " samples: "
                            + "it does not recognise the model's classes");
                }
                int count = Math.min(BATCH, pending.size());
                int[] wanted = new int[count];
                for (int i = 0; i < count; i++) {
                    wanted[i] = pending.poll();
                }
                int[] batchLabels = labels == null ? null : IntStream.of(wanted).map(i -> labels[i]).toArray();
                float[] images = Sampler.sample(model, count, seeds.nextLong(), batchLabels);
                drawn[0] += count;
                boolean[] kept = filter == null ? null : agreed(filter, images, batchLabels, shape);
                for (int i = 0; i < count; i++) {
                    if (kept != null && !kept[i]) {
                        pending.add(wanted[i]);
                        continue;
                    }
                    Path folder = labels == null ? tmp : tmp.resolve(classFolder(batchLabels[i], classes));
                    float[] one = Arrays.copyOfRange(images, i * shape.size(), (i + 1) * shape.size());
                    ImageWriter.writePng(one, shape, folder.resolve(String.format("synthetic-%06d.png", wanted[i])));
                    written++;
                }
                progress.progress(written, n);
            }
        });
        return (double) n / drawn[0];
    }

    /** Whether the classifier's most likely class of each image is the one it was drawn for. */
    private static boolean[] agreed(Classifier classifier, float[] images, int[] labels, ImageShape shape) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            classifier.evaluationMode(true);
            Tensor predicted = classifier.logits(Tensors.images(images, labels.length, shape))
                    .argmax(new LongOptional(1), false);
            float[] classes = Tensors.floats(predicted.to(torch.ScalarType.Float));
            boolean[] agreed = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                agreed[i] = classes[i] == labels[i];
            }
            return agreed;
        }
    }

    private static void check(Generative model, int n, int[] labels, Classifier filter) {
        if (filter != null && (labels == null || !filter.config().shape().equals(model.config().shape())
                || filter.config().classes() != model.config().classes())) {
            throw new RegenException("a filter needs a conditional model and a classifier of its image shape and "
                    + "classes (the model: " + model.config().shape() + ", " + model.config().classes()
                    + " classes; the classifier: " + filter.config().shape() + ", " + filter.config().classes() + ")");
        }
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
