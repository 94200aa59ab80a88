package dev.regen.cli;

import dev.regen.config.Check;
import dev.regen.config.ImageShape;
import dev.regen.data.ImageDataset;
import dev.regen.io.ImageGrid;
import dev.regen.model.Generative;
import dev.regen.model.Network;
import dev.regen.model.SavedModel;
import dev.regen.restore.ClassicalBaselines;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Corruptions;
import dev.regen.restore.Method;
import dev.regen.restore.RestoreEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code regen eval-restore}: PSNR and SSIM of the model's restorations against classical methods. */
@Command(name = "eval-restore", mixinStandardHelpOptions = true,
        description = "Damage held-out images and score the damaged input, classical baselines (OpenCV) and the model's "
                + "restoration methods by PSNR and SSIM; writes a side-by-side PNG.")
final class EvalRestoreCommand implements Callable<Integer> {
    private static final int SHOWN = 8;

    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "held-out images")
    Path data;

    @Option(names = "--corruption", required = true, paramLabel = "SPEC", converter = Converters.CorruptionSpec.class,
            description = "one of " + Corruptions.FORMS)
    Corruption corruption;

    @Option(names = "--n", defaultValue = "500", description = "images to score (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--methods", split = ",", converter = Converters.MethodName.class,
            description = "model methods, comma-separated (default: projection and optimisation for a VAE, "
                    + "optimisation for a GAN, network for a pix2pix trained for the task)")
    List<Method> methods;

    @Option(names = "--out", defaultValue = "restore.png", description = "side-by-side PNG (default: ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    RestoreOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--n", count, 1, 1_000_000);
        SavedModel saved = model.loadSaved();
        Method.requireTrainedFor(saved, corruption);
        Network network = saved.model();
        ImageDataset images = model.images(data, network, true);
        int n = Math.min(count, images.size());
        List<Method> chosen = methods != null ? methods : defaultMethods(network);
        RestoreEvaluator.Report report = RestoreEvaluator.evaluate(network, images, corruption, chosen,
                options.settings(saved), n, options.seed, Progress.live(spec, "restoring", "steps"));
        Progress.clear(spec);
        PrintWriter log = spec.commandLine().getOut();
        log.printf(Locale.ROOT, "%s on %d images from %s%n", corruption, n, images.source());
        log.printf(Locale.ROOT, "%-20s %8s %7s %9s%n", "method", "PSNR dB", "SSIM", "seconds");
        for (RestoreEvaluator.Row row : report.rows()) {
            log.printf(Locale.ROOT, "%-20s %8.2f %7.4f %9.1f%n", row.method(), row.psnr(), row.ssim(), row.seconds());
        }
        int baselines = ClassicalBaselines.forCorruption(corruption).size();
        int bestBaseline = report.bestBaseline(baselines);
        int bestModel = report.bestModelMethod(baselines);
        log.printf(Locale.ROOT, "best model method %s is %+.2f dB against the best baseline %s%n",
                report.rows().get(bestModel).method(),
                report.rows().get(bestModel).psnr() - report.rows().get(bestBaseline).psnr(),
                report.rows().get(bestBaseline).method());
        writeSideBySide(report, images.shape(), Math.min(SHOWN, n), bestBaseline, bestModel);
        log.println("wrote " + out + ": original, damaged, " + report.rows().get(bestBaseline).method() + ", "
                + report.rows().get(bestModel).method() + " (columns)");
        log.flush();
        return ExitCodes.OK;
    }

    private static List<Method> defaultMethods(Network network) {
        if (network instanceof Generative generative) {
            return generative.autoencoder().isPresent() ? List.of(Method.PROJECTION, Method.OPTIMISATION)
                    : List.of(Method.OPTIMISATION);
        }
        return List.of(Method.NETWORK);
    }

    private void writeSideBySide(RestoreEvaluator.Report report, ImageShape shape, int shown, int baseline, int best) {
        int size = shape.size();
        float[] grid = new float[4 * shown * size];
        List<float[]> columns = List.of(report.originals(), report.damaged(), report.restored().get(baseline),
                report.restored().get(best));
        for (int i = 0; i < shown; i++) {
            for (int c = 0; c < 4; c++) {
                System.arraycopy(columns.get(c), i * size, grid, (4 * i + c) * size, size);
            }
        }
        ImageGrid.write(grid, 4 * shown, shape, 4, out);
    }
}
