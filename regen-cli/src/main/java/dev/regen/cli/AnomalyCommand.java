package dev.regen.cli;

import dev.regen.anomaly.AnomalyScore;
import dev.regen.data.ImageDataset;
import dev.regen.eval.metric.Detection;
import dev.regen.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code regen anomaly}: a score per image, and which images a threshold from normal images flags. */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
        description = "Score each image at PATH (the test set beside IDX data) by how unlike the VAE's training data it "
                + "is, higher meaning more anomalous; with --normal, flag those above the threshold that flags "
                + "--fpr of the normal images. Writes a CSV.")
final class AnomalyCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "images to score")
    Path data;

    @Option(names = "--score", defaultValue = "iwae", converter = Converters.AnomalyScoreName.class,
            paramLabel = "elbo|iwae|reconstruction|pathway|pathway-whitened|complexity", description = "the score (default: ${DEFAULT-VALUE})")
    AnomalyScore score;

    @Option(names = "--normal", paramLabel = "PATH", description = "images known to be normal, to set the threshold")
    Path normal;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "where the scores are written")
    Path out;

    @Mixin
    AnomalyOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        options.validate();
        ImageDataset images = model.evaluationImages(data, options.limit);
        double[] scores = options.score(model, images, Set.of(score), spec).get(score);
        Double threshold = null;
        if (normal != null) {
            double[] normalScores = options.score(model, model.evaluationImages(normal, options.limit), Set.of(score),
                    spec).get(score);
            threshold = Detection.threshold(normalScores, options.falsePositiveRate);
        }
        StringBuilder csv = new StringBuilder(threshold == null ? "index,label,score\n" : "index,label,score,flagged\n");
        int flagged = 0;
        for (int i = 0; i < scores.length; i++) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%.6f", i, images.label(i), scores[i]));
            if (threshold != null) {
                boolean above = scores[i] > threshold;
                flagged += above ? 1 : 0;
                csv.append(above ? ",1" : ",0");
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(out, csv.toString());
        PrintWriter print = spec.commandLine().getOut();
        print.printf(Locale.ROOT, "scored %d images from %s by %s: %s%n", scores.length, images.source(), score.id(), out);
        if (threshold != null) {
            print.printf(Locale.ROOT, "threshold %.4f (at most %.1f%% of the normal images above it): %d flagged (%.1f%%)%n",
                    threshold, 100 * options.falsePositiveRate, flagged, 100.0 * flagged / scores.length);
        }
        print.flush();
        return ExitCodes.OK;
    }
}
