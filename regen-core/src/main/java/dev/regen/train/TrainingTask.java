package dev.regen.train;

import dev.regen.config.ImageShape;
import dev.regen.data.ImageDataset;
import dev.regen.model.Network;
import org.bytedeco.pytorch.Tensor;

import java.util.List;
import java.util.Map;

/**
 * The model-specific half of training: its optimizers, what one step does, what an epoch reports
 * and what a finished run shows. {@link Trainer} owns the loop around it.
 */
public interface TrainingTask {
    /** The model being trained. */
    Network model();

    /**
     * The shape of the data items it trains on: the model's data shape, or for a model trained to
     * restore images from clean ones alone, the images' own.
     */
    default ImageShape dataShape() {
        return model().config().dataShape();
    }

    /** Names of the losses {@link #step} returns; the first is the one the progress bar shows. */
    List<String> lossNames();

    /**
     * One optimisation step on a batch. Implementations check the losses before changing any
     * weight and throw {@link TrainingDivergedException} when one is not finite.
     *
     * @param labels class labels [B] for a conditional model, else null
     * @return the losses named by {@link #lossNames()}, per image
     */
    double[] step(Tensor images, Tensor labels, StepContext context);

    /**
     * Metrics on held-out images at the end of an epoch (may be empty); the {@link Trainer} puts the
     * averaged generators, when the run keeps them, in the trained ones' place while this runs.
     */
    Map<String, Double> evaluate(ImageDataset test, long seed);

    /** The task's optimizers, which checkpoints save and resumed runs restore. */
    Optimizers optimizers();

    /**
     * Readies the trained model for use, once after the last epoch and before the final model file
     * is written, when the generators already hold their averaged weights if the run keeps them
     * ({@link Run}); the checkpoint keeps the training state, so a resumed run is unchanged by it.
     *
     * @param seed the run's seed, for whatever noise this draws
     */
    default void finish(long seed) {
    }

    /** Writes the final pictures and charts of a run; returns the summary text. */
    String report(RunFiles files, ImageDataset train, ImageDataset test, List<EpochMetrics> history, long seed,
                  double seconds);
}
