/**
 * Training: the loop with exact resume, one training step per model family (registered in
 * {@code TrainingSteps}), listeners (progress bar, metrics history, sample grids, checkpoints)
 * and the run folder with its final report.
 */
package dev.regen.train;
