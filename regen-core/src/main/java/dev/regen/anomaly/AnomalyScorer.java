package dev.regen.anomaly;

import dev.regen.RegenException;
import dev.regen.WorkProgress;
import dev.regen.data.ImageDataset;
import dev.regen.eval.VaeEvaluator;
import dev.regen.eval.metric.Nats;
import dev.regen.model.Vae;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Scores every image of a dataset with a trained VAE, in the dataset's order; seeded, so repeated runs agree. */
public final class AnomalyScorer {
    private AnomalyScorer() {
    }

    /**
     * Fails unless every one of {@code kinds} applies to {@code vae}.
     *
     * @throws RegenException naming the score and what it needs
     */
    public static void requireApplicable(Vae vae, Set<AnomalyScore> kinds, PathwayWhitening whitening) {
        if (kinds.contains(AnomalyScore.WHITENED_PATHWAY) && whitening == null) {
            throw new RegenException("the " + AnomalyScore.WHITENED_PATHWAY.id() + " score needs normal images "
                    + "to fit on, and none were given (regen anomaly and eval-anomaly fit it on the model's training "
                    + "images)");
        }
        for (AnomalyScore kind : kinds) {
            if (!kind.appliesTo(vae.config())) {
                throw new RegenException("the " + kind.id() + " score compares code lengths of 8-bit images and needs "
                        + "a model trained with --likelihood logistic; this one has " + vae.config().likelihood().id());
            }
        }
    }

    /**
     * One score per image for each of {@code kinds}, higher for images less like the model's
     * training data; the importance-sampled likelihood is computed once for {@code iwae} and
     * {@code complexity} together.
     *
     * @param k         importance samples per image for {@code iwae} and {@code complexity}
     * @param whitening fitted on normal images for {@code pathway-whitened}, else null
     * @param progress  told the number of images finished out of all while importance sampling
     * @throws RegenException when a score does not apply to the model
     */
    public static Map<AnomalyScore, double[]> scores(Vae vae, ImageDataset data, Set<AnomalyScore> kinds, int k,
                                                     long seed, PathwayWhitening whitening, WorkProgress progress) {
        requireApplicable(vae, kinds, whitening);
        Map<AnomalyScore, double[]> scores = new EnumMap<>(AnomalyScore.class);
        double[] nll = kinds.contains(AnomalyScore.IWAE) || kinds.contains(AnomalyScore.COMPLEXITY)
                ? VaeEvaluator.negativeLogLikelihoods(vae, data, k, seed, progress) : null;
        for (AnomalyScore kind : kinds) {
            scores.put(kind, switch (kind) {
                case ELBO -> VaeEvaluator.negativeElbos(vae, data, seed);
                case IWAE -> nll;
                case RECONSTRUCTION -> VaeEvaluator.reconstructionErrors(vae, data);
                case PATHWAY -> VaeEvaluator.pathwayScores(vae, data, VaeEvaluator::sumOfSquares);
                case WHITENED_PATHWAY -> VaeEvaluator.pathwayScores(vae, data, whitening::score);
                case COMPLEXITY -> complexityCorrected(nll, data);
            });
        }
        return scores;
    }

    /** S(x) = -log2 p(x) - L(x) (Serra et al. 2020, eq. 2), from each image's NLL in nats. */
    private static double[] complexityCorrected(double[] nllNats, ImageDataset data) {
        double[] scores = new double[data.size()];
        float[] pixels = new float[data.shape().size()];
        for (int i = 0; i < scores.length; i++) {
            data.read(i, pixels, 0);
            scores[i] = Nats.toBits(nllNats[i]) - PngComplexity.bits(pixels, data.shape());
        }
        return scores;
    }
}
