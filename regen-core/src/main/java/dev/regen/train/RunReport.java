package dev.regen.train;

import dev.regen.config.ImageShape;
import dev.regen.data.ImageDataset;
import dev.regen.eval.Elbo;
import dev.regen.io.AtomicFiles;
import dev.regen.io.ImageGrid;
import dev.regen.io.LineChart;
import dev.regen.model.Vae;
import dev.regen.sample.Interpolation;
import dev.regen.sample.VaeSampler;

import java.util.List;
import java.util.Locale;

/** Writes what a finished run shows a person: samples, reconstructions, interpolations, curves, summary. */
final class RunReport {
    private static final int COLUMNS = 8;
    private static final int STEPS = 10;

    private RunReport() {
    }

    static String write(RunFiles files, Vae vae, ImageDataset train, ImageDataset test, List<EpochMetrics> history, Elbo elbo, long seed,
                        double seconds) {
        ImageShape shape = vae.config().shape();
        ImageGrid.write(VaeSampler.sample(vae, COLUMNS * COLUMNS, seed + 1), COLUMNS * COLUMNS, shape, COLUMNS,
                files.samples());
        writeReconstructions(files, vae, test);
        writeInterpolation(files, vae, test);
        new LineChart("negative ELBO (nats per image)", "epoch")
                .add("train", history.stream().map(m -> new double[]{m.epoch(), m.trainNegativeElbo()}).toList())
                .add("test", history.stream().map(m -> new double[]{m.epoch(), m.testNegativeElbo()}).toList())
                .write(files.lossCurve());
        EpochMetrics last = history.get(history.size() - 1);
        String summary = String.format(Locale.ROOT, """
                        model          %s, %s likelihood, latent %d, images %s
                        data           %s (train), %s (test)
                        epochs         %d (%d steps) in %.1f s, %.0f images/s in the last epoch
                        test -ELBO     %.2f nats per image (reconstruction %.2f + KL %.2f), %.4f bits/dim
                        files          %s
                        """, vae.config().kind().cliName(), vae.config().likelihood().cliName(),
                vae.config().latent(), shape, train.source(), test.source(), last.epoch(), last.step(), seconds,
                last.imagesPerSecond(), elbo.negativeElbo(), elbo.reconstruction(), elbo.kl(),
                elbo.bitsPerDimension(), files.folder());
        AtomicFiles.writeString(files.summary(), summary);
        return summary;
    }

    /** Rows of test images, each followed by a row of their reconstructions. */
    private static void writeReconstructions(RunFiles files, Vae vae, ImageDataset test) {
        int n = Math.min(2 * COLUMNS, test.size());
        int size = test.shape().size();
        float[] originals = test.read(java.util.stream.IntStream.range(0, n).toArray());
        float[] recon = VaeSampler.reconstruct(vae, originals, n);
        float[] grid = new float[2 * n * size];
        for (int i = 0; i < n; i++) {
            int row = i / COLUMNS;
            int col = i % COLUMNS;
            System.arraycopy(originals, i * size, grid, ((2 * row) * COLUMNS + col) * size, size);
            System.arraycopy(recon, i * size, grid, ((2 * row + 1) * COLUMNS + col) * size, size);
        }
        ImageGrid.write(grid, 2 * n, test.shape(), COLUMNS, files.reconstructions());
    }

    /** Linear then spherical interpolation between the codes of the first two test images. */
    private static void writeInterpolation(RunFiles files, Vae vae, ImageDataset test) {
        if (test.size() < 2) {
            return;
        }
        int size = test.shape().size();
        float[] codes = VaeSampler.encode(vae, test.read(0, 1), 2);
        int latent = vae.config().latent();
        float[] a = java.util.Arrays.copyOfRange(codes, 0, latent);
        float[] b = java.util.Arrays.copyOfRange(codes, latent, 2 * latent);
        float[] linear = VaeSampler.decode(vae, Interpolation.between(a, b, STEPS, false), STEPS);
        float[] spherical = VaeSampler.decode(vae, Interpolation.between(a, b, STEPS, true), STEPS);
        float[] both = new float[2 * STEPS * size];
        System.arraycopy(linear, 0, both, 0, linear.length);
        System.arraycopy(spherical, 0, both, linear.length, spherical.length);
        ImageGrid.write(both, 2 * STEPS, test.shape(), STEPS, files.interpolation());
    }
}
