package dev.regen.train;

import dev.regen.config.TrainConfig;
import dev.regen.config.TrainingState;
import dev.regen.data.Batch;
import dev.regen.data.BatchLoader;
import dev.regen.data.ImageDataset;
import dev.regen.data.Shuffle;
import dev.regen.eval.Elbo;
import dev.regen.eval.VaeEvaluator;
import dev.regen.model.Vae;
import dev.regen.model.VaeLoss;
import dev.regen.nn.StateBytes;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Trains a VAE with Adam, one epoch at a time.
 *
 * <p>Every source of randomness is a function of the seed and the position: the data order of an
 * epoch comes from (seed, epoch) and the sampling noise of a step from (seed, step). With the
 * weights and the optimizer state, the {@link TrainingState} is therefore all a resumed run needs
 * to continue exactly as if it had never stopped.
 */
public final class VaeTrainer {
    private static final long NOISE_MIX = 0x9E3779B97F4A7C15L;

    private final Vae vae;
    private final TrainConfig config;
    private final TensorVector parameters;
    private final Adam optimizer;

    /** Prepares training of {@code vae} with a fresh Adam optimizer. */
    public VaeTrainer(Vae vae, TrainConfig config) {
        this.vae = vae;
        this.config = config;
        this.parameters = vae.parameters();
        this.optimizer = new Adam(parameters, new AdamOptions(config.learningRate()));
    }

    /** The optimizer state, for checkpoints. */
    public byte[] optimizerState() {
        return StateBytes.save(optimizer);
    }

    /** Restores optimizer state saved by {@link #optimizerState()}. */
    public void restoreOptimizer(byte[] state) {
        StateBytes.load(optimizer, state);
    }

    /**
     * Trains from {@code state} until {@link TrainConfig#epochs()} epochs are done.
     *
     * @param test images for the per-epoch test ELBO
     * @return the state after the last epoch
     */
    public TrainingState train(ImageDataset train, ImageDataset test, TrainingState state, TrainingListener listener) {
        TrainingState current = state;
        for (int epoch = state.epoch() + 1; epoch <= config.epochs(); epoch++) {
            current = trainEpoch(train, test, epoch, current.step(), listener);
        }
        return current;
    }

    private TrainingState trainEpoch(ImageDataset train, ImageDataset test, int epoch, long firstStep,
                                     TrainingListener listener) {
        vae.train(true);
        int[] order = Shuffle.epochOrder(train.size(), config.seed(), epoch);
        int batches = (order.length + config.batchSize() - 1) / config.batchSize();
        long step = firstStep;
        double lossSum = 0;
        double elboSum = 0;
        long images = 0;
        long start = System.nanoTime();
        try (BatchLoader loader = new BatchLoader(train, order, config.batchSize())) {
            for (int b = 1; loader.hasNext(); b++) {
                Batch batch = loader.next();
                double[] losses = step(batch, train, step, epoch);
                step++;
                lossSum += losses[0] * batch.count();
                elboSum += losses[1] * batch.count();
                images += batch.count();
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = images / Math.max(seconds, 1e-9);
                double left = (batches - b) * seconds / b
                        + (config.epochs() - epoch) * (double) order.length / Math.max(rate, 1e-9);
                listener.onStep(new StepProgress(epoch, config.epochs(), b, batches, lossSum / images, rate, left));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Elbo testElbo = VaeEvaluator.elbo(vae, test, config.seed());
        listener.onEpoch(new EpochMetrics(epoch, step, lossSum / images, elboSum / images, testElbo.negativeElbo(),
                testElbo.reconstruction(), testElbo.kl(), images / seconds, seconds, ProcessMemory.residentMegabytes()));
        return new TrainingState(epoch, step);
    }

    /** One optimisation step; returns the objective and the negative ELBO of the batch. */
    private double[] step(Batch batch, ImageDataset train, long step, int epoch) {
        try (PointerScope scope = new PointerScope()) {
            Torch.seed(config.seed() ^ (step + 1) * NOISE_MIX);
            VaeLoss loss = vae.loss(Tensors.images(batch.pixels(), batch.count(), train.shape()),
                    config.beta() * warmup(step, train.size()), config.freeBits());
            double total = loss.total().item_double();
            if (!Double.isFinite(total)) {
                throw new TrainingDivergedException(step + 1, epoch, total);
            }
            optimizer.zero_grad();
            loss.total().backward();
            if (config.gradClip() > 0) {
                torch.clip_grad_norm_(parameters, config.gradClip());
            }
            optimizer.step();
            return new double[]{total, loss.negativeElbo()};
        }
    }

    /** KL weight factor: rises linearly from 0 to 1 over the warm-up epochs (Bowman et al. 2016). */
    private double warmup(long step, int trainSize) {
        if (config.klWarmupEpochs() <= 0) {
            return 1.0;
        }
        double stepsPerEpoch = Math.ceil((double) trainSize / config.batchSize());
        return Math.min(1.0, (step + 1) / (config.klWarmupEpochs() * stepsPerEpoch));
    }
}
