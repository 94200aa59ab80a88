package dev.regen.eval;

import dev.regen.data.Batch;
import dev.regen.data.BatchLoader;
import dev.regen.data.ImageDataset;
import dev.regen.model.Classifier;
import dev.regen.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.stream.IntStream;

/** Runs a classifier over images in evaluation mode: accuracy, predictions and features as plain arrays. */
public final class ClassifierEvaluator {
    private static final int BATCH = 500;

    private ClassifierEvaluator() {
    }

    /**
     * Accuracy on labelled images.
     *
     * @param accuracy fraction of images whose most likely class is their label
     * @param loss     mean cross-entropy
     */
    public record Accuracy(double accuracy, double loss) {
    }

    /** Accuracy and cross-entropy of {@code classifier} on {@code data}. */
    public static Accuracy accuracy(Classifier classifier, ImageDataset data) {
        double loss = 0;
        long correct = 0;
        classifier.evaluationMode(true);
        try (NoGradGuard noGrad = new NoGradGuard(); BatchLoader batches = loader(data)) {
            while (batches.hasNext()) {
                Batch b = batches.next();
                try (PointerScope scope = new PointerScope()) {
                    Tensor labels = Tensors.labels(classifier.config(), b.labels(), b.count());
                    Tensor logits = classifier.logits(Tensors.images(b.pixels(), b.count(), data.shape()));
                    loss += torch.cross_entropy_loss(logits, labels).item_double() * b.count();
                    correct += logits.argmax(new LongOptional(1), false).eq(labels).sum().item_long();
                }
            }
        } finally {
            classifier.evaluationMode(false);
        }
        return new Accuracy((double) correct / data.size(), loss / data.size());
    }

    /** The most likely classes for features computed by {@link #features}. */
    static int[] predict(Classifier classifier, float[] features, int n) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor f = Tensor.create(features, n, classifier.config().latent());
            Tensor best = classifier.classify(f).argmax(new LongOptional(1), false);
            long[] values = new long[n];
            best.contiguous().data_ptr_long().get(values);
            return java.util.Arrays.stream(values).mapToInt(v -> (int) v).toArray();
        }
    }

    /** The classifier's feature layer for every image, n x latent floats one image after the other. */
    public static float[] features(Classifier classifier, ImageDataset data) {
        int width = classifier.config().latent();
        float[] all = new float[data.size() * width];
        classifier.evaluationMode(true);
        try (NoGradGuard noGrad = new NoGradGuard(); BatchLoader batches = loader(data)) {
            int offset = 0;
            while (batches.hasNext()) {
                Batch b = batches.next();
                try (PointerScope scope = new PointerScope()) {
                    float[] f = Tensors.floats(classifier.features(Tensors.images(b.pixels(), b.count(), data.shape())));
                    System.arraycopy(f, 0, all, offset * width, f.length);
                }
                offset += b.count();
            }
        } finally {
            classifier.evaluationMode(false);
        }
        return all;
    }

    private static BatchLoader loader(ImageDataset data) {
        return new BatchLoader(data, IntStream.range(0, data.size()).toArray(), BATCH);
    }
}
