package dev.regen.config;

/**
 * How far training has gone; with the seed, this fixes the data order and the sampling noise of
 * every later step, which is what makes resuming exact.
 *
 * @param epoch completed epochs
 * @param step  completed optimisation steps
 */
public record TrainingState(int epoch, long step) {
    /** The state before the first step. */
    public static TrainingState start() {
        return new TrainingState(0, 0);
    }
}
