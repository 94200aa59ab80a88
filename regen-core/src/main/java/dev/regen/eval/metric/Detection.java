package dev.regen.eval.metric;

import dev.regen.RegenException;

import java.util.Arrays;

/**
 * How well a score tells anomalous images from normal ones, higher scores meaning more anomalous.
 *
 * @param auroc             area under the ROC curve: the chance that a random anomalous image scores
 *                          above a random normal one, ties counted half (the Mann-Whitney U over the
 *                          product of the two counts)
 * @param threshold         images scoring above it are flagged: chosen on the normal images so that
 *                          at most the target false-positive rate of them are
 * @param falsePositiveRate share of the normal images flagged at the threshold
 * @param truePositiveRate  share of the anomalous images flagged at the threshold
 */
public record Detection(double auroc, double threshold, double falsePositiveRate, double truePositiveRate) {

    /** Scores {@code normal} against {@code anomalous}, the threshold set at {@code targetFalsePositiveRate}. */
    public static Detection of(double[] normal, double[] anomalous, double targetFalsePositiveRate) {
        if (normal.length == 0 || anomalous.length == 0) {
            throw new RegenException("anomaly detection needs normal and anomalous images, got " + normal.length
                    + " and " + anomalous.length);
        }
        double threshold = threshold(normal, targetFalsePositiveRate);
        return new Detection(auroc(normal, anomalous), threshold, shareAbove(normal, threshold),
                shareAbove(anomalous, threshold));
    }

    /** The area under the ROC curve from mid-ranks of the pooled scores, so ties count half. */
    public static double auroc(double[] normal, double[] anomalous) {
        int n = normal.length + anomalous.length;
        double[] pooled = new double[n];
        System.arraycopy(normal, 0, pooled, 0, normal.length);
        System.arraycopy(anomalous, 0, pooled, normal.length, anomalous.length);
        requireFinite(pooled);
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(pooled[a], pooled[b]));
        double anomalousRanks = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && pooled[order[end + 1]] == pooled[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                if (order[i] >= normal.length) {
                    anomalousRanks += midRank;
                }
            }
            start = end + 1;
        }
        double m = anomalous.length;
        return (anomalousRanks - m * (m + 1) / 2) / (m * normal.length);
    }

    /**
     * The lowest threshold that flags at most {@code falsePositiveRate} of the normal scores
     * (flagged: strictly above): the normal score with floor(rate x n) scores above it.
     */
    public static double threshold(double[] normal, double falsePositiveRate) {
        if (!(falsePositiveRate >= 0 && falsePositiveRate < 1)) {
            throw new RegenException("false-positive rate must be at least 0 and below 1, got " + falsePositiveRate);
        }
        requireFinite(normal);
        double[] sorted = normal.clone();
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(falsePositiveRate * sorted.length);
        return sorted[sorted.length - 1 - allowed];
    }

    /** The share of {@code scores} strictly above {@code threshold}. */
    public static double shareAbove(double[] scores, double threshold) {
        return (double) Arrays.stream(scores).filter(s -> s > threshold).count() / scores.length;
    }

    private static void requireFinite(double[] scores) {
        for (double s : scores) {
            if (!Double.isFinite(s)) {
                throw new RegenException("anomaly scores must be finite, got " + s);
            }
        }
    }
}
