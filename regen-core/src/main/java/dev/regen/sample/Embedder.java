package dev.regen.sample;

import dev.regen.WorkProgress;
import dev.regen.data.Batch;
import dev.regen.data.BatchLoader;
import dev.regen.data.ImageDataset;
import dev.regen.model.Vae;

import java.util.stream.IntStream;

/** The posterior means of a VAE for every image of a dataset, in its order: deterministic features. */
public final class Embedder {
    /** Images encoded at once: the evaluation batch, large enough to keep the cores busy. */
    private static final int BATCH = 256;

    private Embedder() {
    }

    /**
     * The codes as rows of {@code latent} floats, [N x latent]; a conditional VAE reads each image's label.
     *
     * @param progress told the number of images finished out of all after each batch
     */
    public static float[] codes(Vae vae, ImageDataset data, WorkProgress progress) {
        int latent = vae.config().latent();
        float[] codes = new float[data.size() * latent];
        int done = 0;
        vae.evaluationMode(true);
        try (BatchLoader batches = new BatchLoader(data, IntStream.range(0, data.size()).toArray(), BATCH)) {
            while (batches.hasNext()) {
                Batch b = batches.next();
                int[] labels = vae.config().conditional() ? b.labels() : null;
                float[] batchCodes = Sampler.encode(vae, b.pixels(), labels, b.count());
                System.arraycopy(batchCodes, 0, codes, done * latent, b.count() * latent);
                done += b.count();
                progress.progress(done, data.size());
            }
        } finally {
            vae.evaluationMode(false);
        }
        return codes;
    }
}
