package dev.regen.train;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.data.ImageDataset;
import dev.regen.data.PixelOps;
import dev.regen.io.AtomicFiles;
import dev.regen.io.ImageGrid;
import dev.regen.io.LineChart;
import dev.regen.io.ModelFile;
import dev.regen.model.Generative;
import dev.regen.model.ModelFamilies;
import dev.regen.model.Network;
import dev.regen.sample.Interpolation;
import dev.regen.sample.Sampler;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The pieces of a finished run's report that every model shares: samples, interpolations, curves, summary. */
final class RunReport {
    /** Images per grid row. */
    static final int COLUMNS = 8;
    private static final int STEPS = 10;

    private RunReport() {
    }

    /** 64 new images; for a conditional model, a row per class (up to 8 classes shown). */
    static void samples(RunFiles files, Generative model, long seed) {
        int n = COLUMNS * COLUMNS;
        ImageGrid.write(Sampler.sample(model, n, seed + 1, gridLabels(model, n)), n, model.config().shape(), COLUMNS,
                files.samples());
    }

    /** Labels for a grid of {@code n} images: row r shows class r (cycling), or null when unconditional. */
    static int[] gridLabels(Generative model, int n) {
        int classes = model.config().classes();
        return classes == 0 ? null : IntStream.range(0, n).map(i -> (i / COLUMNS) % classes).toArray();
    }

    /** Linear then spherical interpolation between two latent codes, one after the other in {@code ends}. */
    static void interpolation(RunFiles files, Generative model, float[] ends) {
        int latent = model.config().latent();
        float[] a = Arrays.copyOfRange(ends, 0, latent);
        float[] b = Arrays.copyOfRange(ends, latent, 2 * latent);
        int[] labels = model.config().conditional() ? new int[STEPS] : null;
        float[] linear = Sampler.decode(model, Interpolation.between(a, b, STEPS, false), labels, STEPS);
        float[] spherical = Sampler.decode(model, Interpolation.between(a, b, STEPS, true), labels, STEPS);
        float[] both = Arrays.copyOf(linear, linear.length + spherical.length);
        System.arraycopy(spherical, 0, both, linear.length, spherical.length);
        ImageGrid.write(both, 2 * STEPS, model.config().shape(), STEPS, files.interpolation());
    }

    /**
     * A grid of rows of {@code n} images each, the rows of their own shapes (a translation's input
     * and output), all shown at the most channels among them.
     */
    static void rows(Path file, int n, float[][] rows, ImageShape[] shapes) {
        int channels = Arrays.stream(shapes).mapToInt(ImageShape::channels).max().orElse(1);
        ImageShape shown = shapes[0].withChannels(channels);
        float[] grid = new float[rows.length * n * shown.size()];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(PixelOps.convertAll(rows[r], n, shapes[r], shown), 0, grid, r * n * shown.size(),
                    n * shown.size());
        }
        ImageGrid.write(grid, rows.length * n, shown, n, file);
    }

    /** Training and test curves of the named losses per epoch, each one where it was recorded. */
    static void lossCurve(RunFiles files, List<EpochMetrics> history, String... names) {
        LineChart chart = new LineChart("loss per epoch", "epoch");
        for (String name : names) {
            addSeries(chart, "train " + name, history, EpochMetrics::train, name);
            addSeries(chart, "test " + name, history, EpochMetrics::test, name);
        }
        chart.write(files.lossCurve());
    }

    /** Adds the series of metric {@code name}, unless no epoch reported it (a loss the objective does not compute). */
    private static void addSeries(LineChart chart, String label, List<EpochMetrics> history,
                                  Function<EpochMetrics, Map<String, Double>> metrics, String name) {
        if (history.stream().anyMatch(m -> metrics.apply(m).containsKey(name))) {
            chart.add(label, history.stream().map(m -> new double[]{m.epoch(), value(metrics.apply(m), name)}).toList());
        }
    }

    private static double value(Map<String, Double> metrics, String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }

    /** Writes and returns the summary: model, data, time, and the model's own result line. */
    static String summary(RunFiles files, Network model, ImageDataset train, ImageDataset test,
                          List<EpochMetrics> history, double seconds, String result) {
        EpochMetrics last = history.get(history.size() - 1);
        String summary = String.format(Locale.ROOT, """
                        model          %s
                        layers         %s
                        data           %s (train), %s (test)
                        epochs         %d (%d steps) in %.1f s, %.0f images/s in the last epoch
                        """, describe(model.config()), ModelFamilies.architecture(model.config()), train.source(),
                test.source(), last.epoch(), last.step(),
                seconds, last.imagesPerSecond())
                + result + "files          " + files.folder() + "\n";
        AtomicFiles.writeString(files.summary(), summary);
        return summary;
    }

    /** One line naming the architecture. */
    static String describe(ModelConfig c) {
        return switch (c.kind().family()) {
            case VAE, VAE_GAN -> String.format("%s, %s likelihood, latent %d, images %s%s", c.kind().id(),
                    c.likelihood().id(), c.latent(), c.shape(),
                    c.priorComponents() > 0 ? ", prior a mixture of " + c.priorComponents() + " Gaussians" : "");
            case GAN -> String.format("%s, latent %d, images %s%s", c.kind().id(), c.latent(), c.shape(),
                    c.conditional() ? ", conditional on " + c.classes() + " classes" : "");
            case CLASSIFIER -> String.format("classifier of %d classes, %d features, images %s", c.classes(),
                    c.latent(), c.shape());
            case PIX2PIX, CYCLEGAN -> String.format("%s, images %s -> %s, width %d, %s norm", c.kind().id(), c.sourceShape(),
                    c.shape(), c.width(), c.norm().id());
        };
    }

    /** A required entry of a checkpoint. */
    static ModelFile.Entry entry(ModelFile file, String name) {
        return file.entry(name).orElseThrow(() -> new RegenException("the checkpoint has no " + name));
    }
}
