package dev.regen.nn;

import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.TensorVector;

/** Builds the engine's Adam optimizer from plain numbers. */
public final class Adams {
    private Adams() {
    }

    /**
     * Adam with the given step size and moment decay rates.
     *
     * <p>{@code AdamOptions.betas()} exposes libtorch's {@code std::tuple<double, double>} as a raw
     * pointer, and libstdc++ lays a tuple out last element first: index 0 is beta2, index 1 is
     * beta1 (the defaults read back as 0.999, 0.9). Writing {beta1, beta2} in that order silently
     * swaps them, which wrecks GAN training.
     */
    public static Adam adam(TensorVector parameters, double learningRate, double beta1, double beta2) {
        return new Adam(parameters, adamOptions(learningRate, beta1, beta2));
    }

    /** The options of {@link #adam}, exposed so that tests can read them back. */
    static AdamOptions adamOptions(double learningRate, double beta1, double beta2) {
        AdamOptions options = new AdamOptions(learningRate);
        options.betas().put(new double[]{beta2, beta1});
        return options;
    }
}
