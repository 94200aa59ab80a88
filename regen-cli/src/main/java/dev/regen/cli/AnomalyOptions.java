package dev.regen.cli;

import dev.regen.anomaly.AnomalyScore;
import dev.regen.anomaly.AnomalyScorer;
import dev.regen.anomaly.PathwayWhitening;
import dev.regen.config.Check;
import dev.regen.data.ImageDataset;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Options that say how {@code anomaly} and {@code eval-anomaly} score images, and the scoring itself. */
final class AnomalyOptions {
    @Option(names = "--k", defaultValue = "100", paramLabel = "K",
            description = "importance samples per image for iwae and complexity (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--fpr", defaultValue = "0.05", paramLabel = "RATE",
            description = "false-positive rate on normal images that sets the threshold (default: ${DEFAULT-VALUE})")
    double falsePositiveRate;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "use only the first N images of each set")
    int limit;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the posterior samples (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--fit", paramLabel = "PATH",
            description = "normal images the pathway-whitened score is fitted on, at most "
                    + PathwayWhitening.MAX_FIT_IMAGES + " of them (default: the model's own training images, read "
                    + "again from where it trained)")
    Path fit;

    private PathwayWhitening whitening;

    /** Checks the options before any work. */
    void validate() {
        Check.range("--k", k, 1, 1_000_000);
        Check.range("--fpr", falsePositiveRate, 0.0, 0.999);
    }

    /** Scores of {@code images} by each of {@code kinds}, with a progress line while importance sampling. */
    Map<AnomalyScore, double[]> score(ModelOption model, ImageDataset images, Set<AnomalyScore> kinds,
                                      CommandLine.Model.CommandSpec spec) {
        if (kinds.contains(AnomalyScore.WHITENED_PATHWAY) && whitening == null) {
            whitening = PathwayWhitening.fit(model.loadVae(),
                    fit != null ? model.images(fit, model.loadVae(), false)
                            : model.trainingImages("give --fit PATH"), seed);
        }
        Map<AnomalyScore, double[]> scores = AnomalyScorer.scores(model.loadVae(), images, EnumSet.copyOf(kinds), k,
                seed, whitening, Progress.live(spec, "importance sampling", "images"));
        Progress.clear(spec);
        return scores;
    }
}
