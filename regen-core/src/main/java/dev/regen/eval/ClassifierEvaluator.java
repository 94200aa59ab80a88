package dev.regen.eval;

import dev.regen.data.ImageDataset;
import dev.regen.model.Classifier;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;


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
        double[] loss = new double[1];
        long[] correct = new long[1];
        EvaluationPass.run(classifier, data, BATCH, (images, b) -> {
            Tensor labels = Tensors.labels(classifier.config(), b.labels(), b.count());
            Tensor logits = classifier.logits(images);
            loss[0] += torch.cross_entropy_loss(logits, labels).item_double() * b.count();
            correct[0] += logits.argmax(new LongOptional(1), false).eq(labels).sum().item_long();
        });
        return new Accuracy((double) correct[0] / data.size(), loss[0] / data.size());
    }

    /** The most likely classes for features computed by {@link #features}, in evaluation mode (no dropout). */
    public static int[] predict(Classifier classifier, float[] features, int n) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            classifier.evaluationMode(true);
            Tensor f = Torch.toDevice(Tensor.create(features, n, classifier.config().latent()));
            Tensor best = classifier.classify(f).argmax(new LongOptional(1), false);
            long[] values = new long[n];
            best.cpu().contiguous().data_ptr_long().get(values);
            return java.util.Arrays.stream(values).mapToInt(v -> (int) v).toArray();
        } finally {
            classifier.evaluationMode(false);
        }
    }

    /** The classifier's feature layer for every image, n x latent floats one image after the other. */
    public static float[] features(Classifier classifier, ImageDataset data) {
        int width = classifier.config().latent();
        float[] all = new float[data.size() * width];
        int[] offset = new int[1];
        EvaluationPass.run(classifier, data, BATCH, (images, b) -> {
            float[] f = Tensors.floats(classifier.features(images));
            System.arraycopy(f, 0, all, offset[0] * width, f.length);
            offset[0] += b.count();
        });
        return all;
    }
}
