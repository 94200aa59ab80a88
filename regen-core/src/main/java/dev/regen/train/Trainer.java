package dev.regen.train;

import dev.regen.RegenException;
import dev.regen.config.TrainConfig;
import dev.regen.config.TrainingState;
import dev.regen.data.Batch;
import dev.regen.data.BatchLoader;
import dev.regen.data.ImageDataset;
import dev.regen.data.Shuffle;
import dev.regen.nn.Autocast;
import dev.regen.nn.Noise;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import dev.regen.nn.WeightAverage;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop, one epoch at a time, for any {@link TrainingTask}.
 *
 * <p>Every source of randomness is a function of the seed and the position: the data order of an
 * epoch comes from (seed, epoch) and the engine's noise in a step from (seed, step). With the
 * weights and the optimizer state, the {@link TrainingState} is therefore all a resumed run needs
 * to continue exactly as if it had never stopped.
 */
public final class Trainer {
    private static final long NOISE_MIX = 0x9E3779B97F4A7C15L;

    private final TrainingTask task;
    private final TrainConfig config;

    /** Prepares training of {@code task} with {@code config}. */
    public Trainer(TrainingTask task, TrainConfig config) {
        this.task = task;
        this.config = config;
    }

    /**
     * Trains from {@code state} until {@link TrainConfig#epochs()} epochs are done.
     *
     * @param test images for the per-epoch evaluation
     * @return the state after the last epoch
     */
    public TrainingState train(ImageDataset train, ImageDataset test, TrainingState state, TrainingListener listener) {
        Distributed group = Distributed.current();
        int last = train.size() % config.optimisation().batchSize();
        if (group != null && (config.optimisation().batchSize() < group.world() || last > 0 && last < group.world())) {
            throw new RegenException("data-parallel training gives each of the " + group.world() + " ranks rows of "
                    + "every batch, and " + (last > 0 && last < group.world() ? "the last batch of each epoch holds "
                    + last + " of the " + train.size() + " images" : "--batch is " + config.optimisation().batchSize())
                    + ": choose a --batch that leaves every rank at least one image");
        }
        TrainingState current = state;
        for (int epoch = state.epoch() + 1; epoch <= config.optimisation().epochs(); epoch++) {
            current = trainEpoch(train, test, epoch, current.step(), listener);
        }
        return current;
    }

    private TrainingState trainEpoch(ImageDataset train, ImageDataset test, int epoch, long firstStep,
                                     TrainingListener listener) {
        task.model().evaluationMode(false);
        int[] order = Shuffle.epochOrder(train.size(), config.seed(), epoch);
        int batches = (order.length + config.optimisation().batchSize() - 1) / config.optimisation().batchSize();
        List<String> names = task.lossNames();
        // Losses a step did not compute (a GAN's generator between its updates) are NaN and left out.
        double[] sums = new double[names.size()];
        long[] counts = new long[names.size()];
        long step = firstStep;
        long images = 0;
        long start = System.nanoTime();
        double dataWait;
        int batchSize = config.optimisation().batchSize();
        Distributed group = Distributed.current();
        try (BatchLoader loader = group == null ? new BatchLoader(train, order, batchSize)
                : new BatchLoader(train, order, batchSize, group::rows)) {
            for (int b = 1; loader.hasNext(); b++) {
                Batch mine = loader.next();
                // A rank holds only its rows; the step and the means count the global batch.
                int global = Math.min(batchSize, order.length - (b - 1) * batchSize);
                TrainConfig.Optimisation optimisation = config.optimisation();
                task.optimizers().scaleLearningRates(optimisation.schedule().factor(
                        epoch - 1 + (double) (b - 1) / batches, optimisation.epochs(), optimisation.decayEpochs()));
                double[] losses = step(mine, global, train, new StepContext(step, epoch,
                        epoch - 1 + (double) b / batches));
                step++;
                for (int i = 0; i < sums.length; i++) {
                    if (!Double.isNaN(losses[i])) {
                        sums[i] += losses[i] * global;
                        counts[i] += global;
                    }
                }
                images += global;
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = images / Math.max(seconds, 1e-9);
                double left = (batches - b) * seconds / b
                        + (config.optimisation().epochs() - epoch) * (double) order.length / Math.max(rate, 1e-9);
                listener.onStep(new StepProgress(epoch, config.optimisation().epochs(), b, batches, sums[0] / counts[0], rate, left));
            }
            dataWait = loader.secondsWaited();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> means = new LinkedHashMap<>();
        for (int i = 0; i < sums.length; i++) {
            means.put(names.get(i), counts[i] > 0 ? sums[i] / counts[i] : Double.NaN);
        }
        Map<String, Double> testMetrics;
        // The averaged generators, when the run keeps them, are the networks the final model will hold.
        try (WeightAverage.Swap averaged = task.optimizers().averagedGenerators()) {
            testMetrics = task.evaluate(test, config.seed());
        }
        listener.onEpoch(new EpochMetrics(epoch, step, means, testMetrics, images / seconds, seconds,
                dataWait, ProcessMemory.residentMegabytes()));
        return new TrainingState(epoch, step);
    }

    /** One step on {@code mine}: the whole batch, or a data-parallel rank's rows of a global batch of {@code global}. */
    private double[] step(Batch mine, int global, ImageDataset train, StepContext context) {
        Distributed group = Distributed.current();
        try (PointerScope scope = new PointerScope(); Autocast precision = Autocast.of(config.precision())) {
            Torch.seed(config.seed() ^ (context.step() + 1) * NOISE_MIX);
            if (group != null) {
                Noise.shard(new Noise.Shard(group.rows(global)[0], mine.count(), global));
            }
            Tensor images = Tensors.images(mine.pixels(), mine.count(), train.shape());
            // Dynamic binarization draws from the engine's generator, seeded per step just above,
            // so a resumed run draws the same pixels.
            double[] losses = task.step(config.binarize() ? torch.bernoulli(images) : images,
                    Tensors.labels(task.model().config(), task.model().config().conditional() ? mine.labels() : null,
                            mine.count()),
                    context);
            return group == null ? losses : group.averageLosses(losses, Noise.shard().share());
        } finally {
            Noise.shard(null);
        }
    }
}
