package dev.regen.restore;

import org.bytedeco.pytorch.Tensor;

import java.util.function.IntConsumer;

/** What one restoration {@link Method} does to a batch of observations. */
interface MethodStrategy {
    /**
     * The restorations of a batch, and for sampling methods the samples behind them.
     *
     * @param images  the restorations [B, C, H, W]
     * @param samples {@code samplesPerImage} restorations per image, image by image [B * k, C, H, W], or null
     */
    record Restored(Tensor images, Tensor samples) {
    }

    /** Progress steps one batch takes. */
    long stepsPerBatch();

    /** Samples each image gets: none, unless the method samples. */
    default int samplesPerImage() {
        return 0;
    }

    /** Restores a batch of {@code batch} observations, telling {@code stepDone} after each step. */
    Restored restore(Observation observation, long batch, IntConsumer stepDone);
}
