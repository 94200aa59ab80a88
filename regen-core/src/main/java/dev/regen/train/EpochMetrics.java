package dev.regen.train;

import java.util.Map;

/**
 * What one epoch of training achieved.
 *
 * @param epoch             1-based epoch number
 * @param step              optimisation steps completed at its end
 * @param train             mean of each named training loss over the epoch's batches
 * @param test              metrics on the test set at the end of the epoch (may be empty)
 * @param imagesPerSecond   training throughput
 * @param seconds           wall time of the epoch's training steps
 * @param dataWaitSeconds   of those, the time training stood waiting for the loader's next batch
 *                          (near zero when loading keeps ahead, as it should)
 * @param residentMegabytes resident memory of the process at the end of the epoch
 */
public record EpochMetrics(int epoch, long step, Map<String, Double> train, Map<String, Double> test,
                           double imagesPerSecond, double seconds, double dataWaitSeconds,
                           double residentMegabytes) {
}
