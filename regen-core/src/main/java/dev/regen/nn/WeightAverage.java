package dev.regen.nn;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of a network's weights, the generator's in a GAN (Yazici et al.
 * 2019, "The unusual effectiveness of averaging in GAN training"; Karras et al. 2018 sample from such
 * an average): after each update of the weights w, a = d a + (1 - d) w. Early on the decay is
 * min(d, (1 + t) / (10 + t)) at step t, as TensorFlow's ExponentialMovingAverage with a step count,
 * so that the average does not hold on to the random initial weights. The averages live in the
 * module's buffers, so that a checkpoint keeps them and a resumed run continues them exactly.
 * Buffers of the network itself (batch-norm statistics) are not averaged.
 */
public final class WeightAverage extends Module {
    private final TensorVector weights;
    private final List<Tensor> averages = new ArrayList<>();
    private final double decay;

    /** An average of {@code weights}, starting at their current values, with decay {@code decay} in [0, 1). */
    public WeightAverage(TensorVector weights, double decay) {
        this.weights = weights;
        this.decay = decay;
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (long i = 0; i < weights.size(); i++) {
                // Own handles of the registered buffers: the returned references move when the table grows.
                averages.add(new Tensor(register_buffer("average" + i, weights.get(i).detach().clone())));
            }
        }
    }

    /** The decay at optimisation step {@code step} (counted from 0). */
    public double decayAt(long step) {
        return Math.min(decay, (1.0 + step) / (10.0 + step));
    }

    /** Moves the average towards the weights as they are after optimisation step {@code step}. */
    public void update(long step) {
        double keep = decayAt(step);
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (int i = 0; i < averages.size(); i++) {
                averages.get(i).lerp_(weights.get(i).detach(), Tensors.scalar(1.0 - keep));
            }
        }
    }

    /** What {@link #swapIn} returns: closing it puts the trained weights back. */
    public interface Swap extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Puts the averages in the weights' place until the returned handle is closed, which puts the
     * trained weights back: for evaluating the averaged network in the middle of training.
     */
    public Swap swapIn() {
        List<Tensor> trained = new ArrayList<>();
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (int i = 0; i < averages.size(); i++) {
                trained.add(weights.get(i).detach().clone());
            }
        }
        install();
        return () -> copy(trained);
    }

    /** Replaces the weights with their averages for good: the trained network becomes the averaged one. */
    public void install() {
        copy(averages);
    }

    private void copy(List<Tensor> values) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (int i = 0; i < values.size(); i++) {
                weights.get(i).detach().copy_(values.get(i));
            }
        }
    }
}
