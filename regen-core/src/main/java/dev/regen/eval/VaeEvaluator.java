package dev.regen.eval;

import dev.regen.eval.metric.ImportanceSampledNll;
import dev.regen.eval.metric.Elbo;
import dev.regen.WorkProgress;
import dev.regen.data.ImageDataset;
import dev.regen.model.Vae;
import dev.regen.model.VaeLoss;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

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
        return perImage(vae, data, (x, labels) -> sumOfSquares(reconstruct(vae, x, labels).sub(x)));
    }

    /**
     * Each image's pathway differences summarised by {@code aggregate}, which maps the differences
     * of a batch ([B, D], see {@link #pathwayDifferences(Vae, ImageDataset)}) to one value per image [B].
     */
    public static double[] pathwayScores(Vae vae, ImageDataset data, UnaryOperator<Tensor> aggregate) {
        return perImage(vae, data, (x, labels) -> aggregate.apply(pathwayDifferences(vae, x, labels)));
    }

    /**
     * The pathway differences of every image, [N, D]: what RaPP compares (Kim et al. 2020), each
     * image less its reconstruction in the pixels, then the encoder's activations of the image less
     * those of its reconstruction fed through the encoder again, layer by layer, all flattened into
     * one row. The label term of a conditional encoder is the same for both and cancels.
     */
    public static Tensor pathwayDifferences(Vae vae, ImageDataset data) {
        long width;
        // One image's width, so the matrix can be allocated outside the batches' memory scopes.
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            width = pathwayDifferences(vae, torch.zeros(new long[]{1, data.shape().channels(),
                            data.shape().height(), data.shape().width()}, Torch.options()),
                    Tensors.labels(vae.config(), vae.config().conditional() ? new int[1] : null, 1)).size(1);
        }
        Tensor all = torch.zeros(new long[]{data.size(), width}, Torch.options());
        int[] done = new int[1];
        forEachBatch(vae, data, ELBO_BATCH, 0, (x, labels, count) -> {
            all.narrow(0, done[0], count).copy_(pathwayDifferences(vae, x, labels));
            done[0] += count;
        });
        return all;
    }

    private static Tensor pathwayDifferences(Vae vae, Tensor x, Tensor labels) {
        // One encoder pass over x gives both its activations and the posterior it is reconstructed from.
        List<Tensor> original = vae.encoderPathway(x);
        Tensor reconstruction = vae.decode(vae.posterior(original.get(original.size() - 1), labels).mean(), labels);
        TensorVector rows = new TensorVector(x.sub(reconstruction).flatten(1, -1));
        List<Tensor> rebuilt = vae.encoderPathway(reconstruction);
        for (int layer = 0; layer < original.size(); layer++) {
            rows.push_back(original.get(layer).sub(rebuilt.get(layer)).flatten(1, -1));
        }
        return torch.cat(rows, 1);
    }

    /** The decoded posterior mean of images {@code x}. */
    private static Tensor reconstruct(Vae vae, Tensor x, Tensor labels) {
        return vae.decode(vae.encode(x, labels).mean(), labels);
    }

    /** Squares summed per row of a [B, ...] tensor: [B]. */
    public static Tensor sumOfSquares(Tensor values) {
        return values.square().flatten(1, -1).sum(new long[]{1}, false, new ScalarTypeOptional());
    }

    /** One value per image from {@code score}, which maps a batch and its labels to a [B] tensor. */
    private static double[] perImage(Vae vae, ImageDataset data, BiFunction<Tensor, Tensor, Tensor> score) {
        double[] values = new double[data.size()];
        int[] done = new int[1];
        forEachBatch(vae, data, ELBO_BATCH, 0, (x, labels, count) -> {
            copy(score.apply(x, labels), values, done[0]);
            done[0] += count;
        });
        return values;
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
