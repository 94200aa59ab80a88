package dev.regen.train;

/**
 * Progress after one training step, for progress bars.
 *
 * @param epoch           current epoch, 1-based
 * @param epochs          epochs in the run
 * @param batch           batches done in this epoch
 * @param batches         batches per epoch
 * @param loss            running mean of the objective over this epoch
 * @param imagesPerSecond throughput over this epoch so far
 * @param secondsLeft     estimate for the rest of the run
 */
public record StepProgress(int epoch, int epochs, int batch, int batches, double loss, double imagesPerSecond,
                           double secondsLeft) {
}
