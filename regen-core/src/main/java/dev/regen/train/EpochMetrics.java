package dev.regen.train;

/**
 * What one epoch of training achieved, in nats per image.
 *
 * @param epoch              1-based epoch number
 * @param step               optimisation steps completed at its end
 * @param trainLoss          mean training objective over the epoch (with beta, warm-up, free bits)
 * @param trainNegativeElbo  mean reconstruction + KL over the epoch's batches
 * @param testNegativeElbo   negative ELBO on the test set at the end of the epoch
 * @param testReconstruction reconstruction part of it
 * @param testKl             KL part of it
 * @param imagesPerSecond    training throughput
 * @param seconds            wall time of the epoch's training steps
 * @param residentMegabytes  resident memory of the process at the end of the epoch
 */
public record EpochMetrics(int epoch, long step, double trainLoss, double trainNegativeElbo, double testNegativeElbo,
                           double testReconstruction, double testKl, double imagesPerSecond, double seconds,
                           double residentMegabytes) {
}
