package dev.regen.eval;

import dev.regen.eval.metric.ImportanceSampledNll;
import dev.regen.eval.metric.Elbo;
import dev.regen.WorkProgress;
import dev.regen.data.ImageDataset;
import dev.regen.model.Vae;
import dev.regen.model.VaeLoss;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;


/** Likelihood bounds of a VAE on held-out images; seeded, so repeated runs agree. */
public final class VaeEvaluator {
    /** Decoder rows evaluated at once: bounds memory whatever K is. */
    private static final int ROWS_PER_PASS = 1024;
    /**
     * The default training batch: a batch's tensors live until it ends, and at 500 images the end of
     * each epoch's evaluation raised a 28x28 run's peak memory by a fifth.
     */
    private static final int ELBO_BATCH = 128;

    private VaeEvaluator() {
    }

    /** The ELBO with one posterior sample per image. */
    public static Elbo elbo(Vae vae, ImageDataset data, long seed) {
        double[] sums = new double[2];
        forEachBatch(vae, data, ELBO_BATCH, seed, (x, labels, count) -> {
            VaeLoss loss = vae.loss(x, labels, 1.0, 0.0);
            sums[0] += loss.reconstruction().item_double() * count;
            sums[1] += loss.kl().item_double() * count;
        });
        int n = data.size();
        return new Elbo((sums[0] + sums[1]) / n, sums[0] / n, sums[1] / n, data.shape().size());
    }

    /**
     * The IWAE bound with {@code k} importance samples per image. Samples are batched: several
     * images per pass when k is small, k split over several passes when it is large.
     *
     * @param progress told the number of images finished out of all after each pass
     */
    public static ImportanceSampledNll importanceSampled(Vae vae, ImageDataset data, int k, long seed,
                                                          WorkProgress progress) {
        int samplesPerPass = Math.min(k, ROWS_PER_PASS);
        double[] total = new double[1];
        int[] done = new int[1];
        forEachBatch(vae, data, Math.max(1, ROWS_PER_PASS / k), seed, (x, labels, count) -> {
            TensorVector parts = new TensorVector();
            for (int s = 0; s < k; s += samplesPerPass) {
                parts.push_back(vae.logImportanceWeights(x, labels, Math.min(samplesPerPass, k - s)));
            }
            Tensor logWeights = torch.cat(parts, 1);
            // log p(x) >= logsumexp_k(log w_k) - log K
            Tensor logMarginal = torch.logsumexp(logWeights, new long[]{1}, false).sub(Tensors.scalar(Math.log(k)));
            total[0] -= logMarginal.sum().item_double();
            done[0] += count;
            progress.progress(done[0], data.size());
        });
        return new ImportanceSampledNll(total[0] / data.size(), k, data.shape().size());
    }

    /** Runs {@code work} on every image in order, in evaluation mode, seeded; labels null when unconditional. */
    private static void forEachBatch(Vae vae, ImageDataset data, int batchSize, long seed, BatchWork work) {
        Torch.seed(seed);
        EvaluationPass.run(vae, data, batchSize, (images, b) -> work.accept(images,
                Tensors.labels(vae.config(), vae.config().conditional() ? b.labels() : null, b.count()), b.count()));
    }

    /** What is done with one batch of {@code count} images and their labels (null when unconditional). */
    private interface BatchWork {
        void accept(Tensor images, Tensor labels, int count);
    }
}
