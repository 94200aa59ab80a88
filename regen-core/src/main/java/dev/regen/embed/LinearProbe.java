package dev.regen.embed;

import dev.regen.nn.Adams;
import dev.regen.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The linear probe of representation learning: multinomial logistic regression on fixed features,
 * so that its accuracy measures the features, not the classifier. Features are standardised by the
 * training set's mean and deviation; the weights start at zero, so the fit is deterministic, and
 * train full-batch with Adam against the cross-entropy plus an L2 penalty, which matters when
 * labelled images are fewer than feature dimensions (100 labels against 784 pixels).
 */
public final class LinearProbe {
    private static final int STEPS = 500;
    private static final double LEARNING_RATE = 0.01;
    private static final double WEIGHT_PENALTY = 1e-3;
    private static final double MIN_DEVIATION = 1e-6;

    private LinearProbe() {
    }

    /**
     * Features of some images with their labels.
     *
     * @param values    {@code labels.length} rows of {@code dimension} floats
     * @param dimension features per image
     * @param labels    class of each image, in [0, classes)
     */
    public record Features(float[] values, int dimension, int[] labels) {
        /** The rows {@code rows}, in that order. */
        public Features rows(int[] rows) {
            float[] picked = new float[rows.length * dimension];
            int[] pickedLabels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(values, rows[i] * dimension, picked, i * dimension, dimension);
                pickedLabels[i] = labels[rows[i]];
            }
            return new Features(picked, dimension, pickedLabels);
        }
    }

    /** Fits the probe on {@code train} and returns its accuracy on {@code test}, over {@code classes} classes. */
    public static double testAccuracy(Features train, Features test, int classes) {
        try (PointerScope scope = new PointerScope()) {
            Tensor x = Tensor.create(train.values(), train.labels().length, train.dimension());
            Tensor mean = x.mean(new long[]{0}, true, new ScalarTypeOptional());
            Tensor deviation = torch.clamp_min(x.std(new long[]{0}, false, true), Tensors.scalar(MIN_DEVIATION));
            Tensor standardised = x.sub(mean).div(deviation);
            Tensor y = labels(train.labels());
            Tensor weights = torch.zeros(train.dimension(), classes).set_requires_grad(true);
            Tensor bias = torch.zeros(classes).set_requires_grad(true);
            Adam adam = Adams.adam(new TensorVector(weights, bias), LEARNING_RATE, 0.9, 0.999);
            for (int step = 0; step < STEPS; step++) {
                try (PointerScope stepScope = new PointerScope()) {
                    adam.zero_grad();
                    Tensor logits = standardised.matmul(weights).add(bias);
                    Tensor loss = torch.cross_entropy_loss(logits, y)
                            .add(weights.square().sum().mul(Tensors.scalar(WEIGHT_PENALTY)));
                    loss.backward();
                    adam.step();
                }
            }
            try (NoGradGuard noGrad = new NoGradGuard()) {
                Tensor t = Tensor.create(test.values(), test.labels().length, test.dimension()).sub(mean).div(deviation);
                Tensor predicted = t.matmul(weights).add(bias).argmax(new LongOptional(1), false);
                return predicted.eq(labels(test.labels())).sum().item_long() / (double) test.labels().length;
            }
        }
    }

    private static Tensor labels(int[] labels) {
        long[] values = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i];
        }
        return Tensor.create(values, labels.length);
    }
}
