package dev.regen.eval;

import dev.regen.eval.metric.ImportanceSampledNll;
import dev.regen.eval.metric.Elbo;
import dev.regen.WorkProgress;
import dev.regen.data.ImageDataset;
import dev.regen.model.Vae;
import dev.regen.model.VaeLoss;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.pytorch.ScalarTypeOptional;
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
     * The IWAE bound with {@code k} importance samples per image, averaged over the images.
     *
     * @param progress told the number of images finished out of all after each pass
     */
    public static ImportanceSampledNll importanceSampled(Vae vae, ImageDataset data, int k, long seed,
                                                          WorkProgress progress) {
        double total = 0;
        for (double nll : negativeLogLikelihoods(vae, data, k, seed, progress)) {
            total += nll;
        }
        return new ImportanceSampledNll(total / data.size(), k, data.shape().size());
    }

    /**
     * Each image's negative IWAE bound in nats, with {@code k} importance samples. Samples are
     * batched: several images per pass when k is small, k split over several passes when it is large.
     *
     * @param progress told the number of images finished out of all after each pass
     */
    public static double[] negativeLogLikelihoods(Vae vae, ImageDataset data, int k, long seed,
                                                  WorkProgress progress) {
        int samplesPerPass = Math.min(k, ROWS_PER_PASS);
        double[] nll = new double[data.size()];
        int[] done = new int[1];
        forEachBatch(vae, data, Math.max(1, ROWS_PER_PASS / k), seed, (x, labels, count) -> {
            TensorVector parts = new TensorVector();
            for (int s = 0; s < k; s += samplesPerPass) {
                parts.push_back(vae.logImportanceWeights(x, labels, Math.min(samplesPerPass, k - s)));
            }
            Tensor logWeights = torch.cat(parts, 1);
            // log p(x) >= logsumexp_k(log w_k) - log K
            Tensor logMarginal = torch.logsumexp(logWeights, new long[]{1}, false).sub(Tensors.scalar(Math.log(k)));
            copy(logMarginal.neg(), nll, done[0]);
            done[0] += count;
            progress.progress(done[0], data.size());
        });
        return nll;
    }

    /** Each image's negative ELBO in nats, one posterior sample each. */
    public static double[] negativeElbos(Vae vae, ImageDataset data, long seed) {
        double[] scores = new double[data.size()];
        int[] done = new int[1];
        forEachBatch(vae, data, ELBO_BATCH, seed, (x, labels, count) -> {
            copy(vae.negativeElbo(x, labels), scores, done[0]);
            done[0] += count;
        });
        return scores;
    }

    /** Each image's squared error to its reconstruction (posterior mean decoded), summed over pixels. */
    public static double[] reconstructionErrors(Vae vae, ImageDataset data) {
        double[] errors = new double[data.size()];
        int[] done = new int[1];
        forEachBatch(vae, data, ELBO_BATCH, 0, (x, labels, count) -> {
            Tensor reconstruction = vae.decode(vae.encode(x, labels).mean(), labels);
            copy(reconstruction.sub(x).square().flatten(1, -1).sum(new long[]{1}, false, new ScalarTypeOptional()),
                    errors, done[0]);
            done[0] += count;
        });
        return errors;
    }

    /** Writes the values of a [B] tensor into {@code dst} from {@code offset}. */
    private static void copy(Tensor values, double[] dst, int offset) {
        float[] v = Tensors.floats(values);
        for (int i = 0; i < v.length; i++) {
            dst[offset + i] = v[i];
        }
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
