package dev.regen.train;

/**
 * Where a training step stands.
 *
 * @param step       0-based index of this step in the run
 * @param epoch      1-based epoch it belongs to
 * @param epochsDone epochs completed once this step is done, as a fraction (for warm-up schedules)
 */
public record StepContext(long step, int epoch, double epochsDone) {
}
