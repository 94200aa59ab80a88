package dev.regen.train;

import dev.regen.data.ImageDataset;
import dev.regen.eval.metric.Elbo;
import dev.regen.eval.VaeEvaluator;
import dev.regen.io.ImageGrid;
import dev.regen.model.Vae;
import dev.regen.sample.Sampler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** What VAEs (plain or adversarial) report: test ELBO per epoch, and reconstructions in the final report. */
final class VaeReport {
    private VaeReport() {
    }

    /** The test ELBO and its parts. */
    static Map<String, Double> evaluate(Vae vae, ImageDataset test, long seed) {
        Elbo elbo = VaeEvaluator.elbo(vae, test, seed);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("-elbo", elbo.negativeElbo());
        metrics.put("recon", elbo.reconstruction());
        metrics.put("kl", elbo.kl());
        return metrics;
    }

    /** Samples, reconstructions, interpolation, curves and the summary with the test ELBO. */
    static String write(RunFiles files, Vae vae, ImageDataset train, ImageDataset test, List<EpochMetrics> history,
                        long seed, double seconds) {
        RunReport.samples(files, vae, seed);
        writeReconstructions(files, vae, test);
        RunReport.interpolation(files, vae, interpolationEnds(vae, train, test));
        RunReport.lossCurve(files, history, "-elbo", "-iwae");
        Elbo elbo = VaeEvaluator.elbo(vae, test, seed);
        return RunReport.summary(files, vae, train, test, history, seconds, String.format(Locale.ROOT,
                "test -ELBO     %.2f nats per image (reconstruction %.2f + KL %.2f), %.4f bits/dim%n",
                elbo.negativeElbo(), elbo.reconstruction(), elbo.kl(), elbo.bitsPerDimension()));
    }

    /** The labels of some images for a conditional model, else null. */
    private static int[] labels(Vae vae, ImageDataset data, int... indices) {
        return vae.config().conditional() ? IntStream.of(indices).map(data::label).toArray() : null;
    }

    /**
     * The codes of the first two test images; with a single test image, of it and the first training
     * image, so that a tiny data set still shows its latent space.
     */
    private static float[] interpolationEnds(Vae vae, ImageDataset train, ImageDataset test) {
        ImageDataset other = test.size() >= 2 ? test : train;
        int second = test.size() >= 2 ? 1 : 0;
        int size = test.shape().size();
        float[] images = new float[2 * size];
        test.read(0, images, 0);
        other.read(second, images, size);
        int[] labels = vae.config().conditional() ? new int[]{test.label(0), other.label(second)} : null;
        return Sampler.encode(vae, images, labels, 2);
    }

    /**
     * Rows of test images, each followed by a row of their reconstructions: two rows of eight, or as
     * many full rows as a small test set fills (a single row as wide as a test set below eight).
     */
    private static void writeReconstructions(RunFiles files, Vae vae, ImageDataset test) {
        int columns = Math.min(RunReport.COLUMNS, test.size());
        int n = Math.min(2 * columns, test.size()) / columns * columns;
        int size = test.shape().size();
        int[] indices = IntStream.range(0, n).toArray();
        float[] originals = test.read(indices);
        float[] recon = Sampler.reconstruct(vae, originals, labels(vae, test, indices), n);
        float[] grid = new float[2 * n * size];
        for (int i = 0; i < n; i++) {
            int row = i / columns;
            int col = i % columns;
            System.arraycopy(originals, i * size, grid, ((2 * row) * columns + col) * size, size);
            System.arraycopy(recon, i * size, grid, ((2 * row + 1) * columns + col) * size, size);
        }
        ImageGrid.write(grid, 2 * n, test.shape(), columns, files.reconstructions());
    }
}
