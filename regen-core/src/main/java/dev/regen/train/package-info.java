/**
 * Training: the VAE loop with exact resume, listeners (progress bar, metrics history, sample grids,
 * checkpoints) and the run folder with its final report.
 */
package dev.regen.train;
