package dev.regen.restore;

import dev.regen.WorkProgress;
import dev.regen.config.ImageShape;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Damaged;
import dev.regen.data.damage.Display;
import dev.regen.data.ImageDataset;
import dev.regen.eval.metric.ImageQuality;
import dev.regen.model.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Damages held-out images and scores every way of restoring them, the damaged input itself, the
 * classical baselines and the model's methods, by mean PSNR and SSIM against the originals.
 */
public final class RestoreEvaluator {
    private RestoreEvaluator() {
    }

    /**
     * One line of the table.
     *
     * @param method  "damaged input", a baseline's name or a model method's
     * @param psnr    mean PSNR in dB
     * @param ssim    mean SSIM
     * @param seconds time to restore all images
     */
    public record Row(String method, double psnr, double ssim, double seconds) {
    }

    /**
     * The table and the images behind it.
     *
     * @param originals the first images of the data set
     * @param damaged   the damaged images, shown at the original size
     * @param restored  each row's restorations, in the order of {@code rows} (damaged input first)
     */
    public record Report(Corruption corruption, int count, List<Row> rows, float[] originals, float[] damaged,
                         List<float[]> restored) {
        /** The best-scoring row (by PSNR) among the classical baselines. */
        public int bestBaseline(int baselines) {
            return best(1, 1 + baselines);
        }

        /** The best-scoring row (by PSNR) among the model's methods, which follow the baselines. */
        public int bestModelMethod(int baselines) {
            return best(1 + baselines, rows.size());
        }

        private int best(int from, int to) {
            return IntStream.range(from, to).boxed().max((a, b) -> Double.compare(rows.get(a).psnr(),
                    rows.get(b).psnr())).orElseThrow();
        }
    }

    /**
     * Scores the first {@code n} images of {@code data}, damaged with seeds {@code seed + i}.
     *
     * @param methods the model's methods to score, in table order
     */
    public static Report evaluate(Network model, ImageDataset data, Corruption corruption, List<Method> methods,
                                  RestoreSettings settings, int n, long seed, WorkProgress listener) {
        ImageShape shape = data.shape();
        float[] originals = data.read(IntStream.range(0, n).toArray());
        List<Damaged> damaged = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            damaged.add(corruption.apply(originals, i * shape.size(), shape, seed + i));
        }
        List<Row> rows = new ArrayList<>();
        List<float[]> restored = new ArrayList<>();
        float[] shown = timed("damaged input", rows, restored, originals, shape,
                () -> concat(damaged, d -> Display.atOriginalSize(d, shape), shape, n));
        for (ClassicalMethod baseline : ClassicalBaselines.forCorruption(corruption)) {
            timed(baseline.name(), rows, restored, originals, shape,
                    () -> concat(damaged, d -> baseline.restore(d, shape), shape, n));
        }
        for (Method method : methods) {
            Restoration restoration = new Restoration(model, corruption, method, settings);
            timed(method.id(), rows, restored, originals, shape,
                    () -> restoration.run(damaged, seed, listener).restored());
        }
        return new Report(corruption, n, rows, originals, shown, restored);
    }

    private static float[] timed(String name, List<Row> rows, List<float[]> restored, float[] originals,
                                 ImageShape shape, java.util.function.Supplier<float[]> work) {
        long start = System.nanoTime();
        float[] images = work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = images.length / shape.size();
        double psnr = 0;
        double ssim = 0;
        for (int i = 0; i < n; i++) {
            psnr += ImageQuality.psnr(originals, images, i * shape.size(), shape);
            ssim += ImageQuality.ssim(originals, images, i * shape.size(), shape);
        }
        rows.add(new Row(name, psnr / n, ssim / n, seconds));
        restored.add(images);
        return images;
    }

    private static float[] concat(List<Damaged> damaged, java.util.function.Function<Damaged, float[]> restore,
                                  ImageShape shape, int n) {
        float[] all = new float[n * shape.size()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(restore.apply(damaged.get(i)), 0, all, i * shape.size(), shape.size());
        }
        return all;
    }
}
