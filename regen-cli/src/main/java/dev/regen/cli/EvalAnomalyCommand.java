package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.anomaly.AnomalyScore;
import dev.regen.data.ImageDataset;
import dev.regen.data.Subset;
import dev.regen.eval.metric.Detection;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code regen eval-anomaly}: how well each anomaly score separates normal from anomalous images. */
@Command(name = "eval-anomaly", mixinStandardHelpOptions = true,
        description = "Report each anomaly score's AUROC and its detection rate at a threshold set by --fpr: normal "
                + "images are those at PATH with --normal-labels (the one-class protocol: the rest are anomalous), "
                + "or all of PATH against all of --anomalous.")
final class EvalAnomalyCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "images scored (the test set beside IDX data)")
    Path data;

    @ArgGroup(multiplicity = "1")
    Anomalous anomalous;

    /** Which images are the anomalies: exactly one of the two options. */
    static final class Anomalous {
        @Option(names = "--normal-labels", split = ",", paramLabel = "L,L...",
                description = "class labels of the normal images at PATH; the others are anomalous")
        List<Integer> normalLabels;

        @Option(names = "--anomalous", paramLabel = "PATH", description = "anomalous images, such as another dataset")
        Path path;
    }

    @Option(names = "--score", split = ",", converter = Converters.AnomalyScoreName.class,
            paramLabel = "elbo|iwae|reconstruction|pathway|pathway-whitened|complexity", description = "scores compared (default: all that apply to the model; pathway-whitened when its normal images are there)")
    List<AnomalyScore> scores;

    @Mixin
    AnomalyOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        options.validate();
        EnumSet<AnomalyScore> kinds = scores != null ? EnumSet.copyOf(scores) : EnumSet.allOf(AnomalyScore.class);
        if (scores == null) {
            kinds.removeIf(kind -> !kind.appliesTo(model.loadVae().config()));
            if (options.fit == null && !model.hasTrainingImages()) {
                kinds.remove(AnomalyScore.WHITENED_PATHWAY);
            }
        }
        ImageDataset images = model.evaluationImages(data, options.limit);
        boolean[] normal = anomalous.path == null ? normalByLabel(images) : null;
        Map<AnomalyScore, double[]> scored = options.score(model, images, kinds, spec);
        Map<AnomalyScore, double[]> others = anomalous.path == null ? null
                : options.score(model, model.evaluationImages(anomalous.path, options.limit), kinds, spec);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-16s %7s %11s %7s %7s%n", "score", "AUROC", "threshold", "FPR", "TPR");
        for (AnomalyScore kind : kinds) {
            double[] s = scored.get(kind);
            Detection d = others != null ? Detection.of(s, others.get(kind), options.falsePositiveRate)
                    : Detection.of(select(s, normal, true), select(s, normal, false), options.falsePositiveRate);
            out.printf(Locale.ROOT, "%-16s %7.4f %11.4f %7.4f %7.4f%n", kind.id(), d.auroc(), d.threshold(),
                    d.falsePositiveRate(), d.truePositiveRate());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Which images are normal under {@code --normal-labels}; fails on labels the images do not have. */
    private boolean[] normalByLabel(ImageDataset images) {
        if (images.classes() == 0) {
            throw new RegenException(images.source() + " has no class labels: --normal-labels needs labelled images");
        }
        Subset.requireLabels(images, anomalous.normalLabels);
        boolean[] normal = new boolean[images.size()];
        IntStream.range(0, normal.length).forEach(i -> normal[i] = anomalous.normalLabels.contains(images.label(i)));
        return normal;
    }

    private static double[] select(double[] scores, boolean[] normal, boolean wanted) {
        return IntStream.range(0, scores.length).filter(i -> normal[i] == wanted).mapToDouble(i -> scores[i]).toArray();
    }
}
