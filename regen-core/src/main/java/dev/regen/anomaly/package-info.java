/**
 * A use: per-image anomaly scores from a trained VAE (negative ELBO, IWAE bound, reconstruction
 * error, and the complexity-corrected likelihood of Serra et al. 2020), to flag images unlike the
 * training data.
 */
package dev.regen.anomaly;
