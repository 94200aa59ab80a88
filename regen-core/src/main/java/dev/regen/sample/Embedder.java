package dev.regen.sample;

import dev.regen.WorkProgress;
import dev.regen.data.Batch;
import dev.regen.data.BatchLoader;
import dev.regen.data.ImageDataset;
import dev.regen.model.Generative;

import java.util.stream.IntStream;

/**
 * The latent codes of every image of a dataset, in its order, as {@link Inversion} finds them: the
 * posterior means of a model with an encoder (deterministic features), else inverted generator codes.
 */
public final class Embedder {
    /** Images read at once: the evaluation batch, large enough to keep the cores busy. */
    private static final int BATCH = 256;

    private Embedder() {
    }

    /**
     * The codes as rows of {@code latent} floats, [N x latent]; a conditional model reads each image's label.
     *
     * @param progress told the number of images finished out of all after each batch
     */
    public static float[] codes(Generative model, ImageDataset data, Inversion inversion, WorkProgress progress) {
        int latent = model.config().latent();
        float[] codes = new float[data.size() * latent];
        int done = 0;
        try (BatchLoader batches = new BatchLoader(data, IntStream.range(0, data.size()).toArray(), BATCH)) {
            while (batches.hasNext()) {
                Batch b = batches.next();
                int[] labels = model.config().conditional() ? b.labels() : null;
                int before = done;
                float[] batchCodes = inversion.codes(model, b.pixels(), labels, b.count(),
                        (finished, all) -> progress.progress(before + finished, data.size()));
                System.arraycopy(batchCodes, 0, codes, done * latent, b.count() * latent);
                done += b.count();
            }
        }
        return codes;
    }
}
