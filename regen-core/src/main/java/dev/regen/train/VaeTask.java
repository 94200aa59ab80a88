package dev.regen.train;

import dev.regen.config.TrainConfig;
import dev.regen.data.ImageDataset;
import dev.regen.eval.Elbo;
import dev.regen.eval.VaeEvaluator;
import dev.regen.io.ModelFile;
import dev.regen.model.Network;
import dev.regen.model.Vae;
import dev.regen.model.VaeLoss;
import dev.regen.nn.StateBytes;
import dev.regen.sample.Sampler;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** Trains a VAE with Adam on the ELBO (with beta, KL warm-up and free bits). */
final class VaeTask implements TrainingTask {
    private final Vae vae;
    private final TrainConfig config;
    private final TensorVector parameters;
    private final Adam optimizer;

    VaeTask(Vae vae, TrainConfig config) {
        this.vae = vae;
        this.config = config;
        this.parameters = vae.parameters();
        this.optimizer = new Adam(parameters, new AdamOptions(config.learningRate()));
    }

    @Override
    public Network model() {
        return vae;
    }

    @Override
    public List<String> lossNames() {
        return List.of("loss", "-elbo");
    }

    @Override
    public double[] step(Tensor images, Tensor labels, StepContext context) {
        VaeLoss loss = vae.loss(images, labels, config.beta() * warmup(context), config.freeBits());
        double total = TrainingDivergedException.check(loss.total().item_double(), context);
        optimizer.zero_grad();
        loss.total().backward();
        if (config.gradClip() > 0) {
            torch.clip_grad_norm_(parameters, config.gradClip());
        }
        optimizer.step();
        return new double[]{total, loss.negativeElbo()};
    }

    /** KL weight factor: rises linearly from 0 to 1 over the warm-up epochs (Bowman et al. 2016). */
    private double warmup(StepContext context) {
        return config.klWarmupEpochs() <= 0 ? 1.0 : Math.min(1.0, context.epochsDone() / config.klWarmupEpochs());
    }

    @Override
    public Map<String, Double> evaluate(ImageDataset test, long seed) {
        Elbo elbo = VaeEvaluator.elbo(vae, test, seed);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("-elbo", elbo.negativeElbo());
        metrics.put("recon", elbo.reconstruction());
        metrics.put("kl", elbo.kl());
        return metrics;
    }

    @Override
    public Map<String, byte[]> optimizerStates() {
        return Map.of(ModelFile.OPTIMIZER, StateBytes.save(optimizer));
    }

    @Override
    public void restoreOptimizerStates(ModelFile checkpoint) {
        StateBytes.load(optimizer, RunReport.entry(checkpoint, ModelFile.OPTIMIZER));
    }

    @Override
    public String report(RunFiles files, ImageDataset train, ImageDataset test, List<EpochMetrics> history, long seed,
                         double seconds) {
        RunReport.samples(files, vae, seed);
        writeReconstructions(files, test);
        if (test.size() >= 2) {
            RunReport.interpolation(files, vae, Sampler.encode(vae, test.read(0, 1), labels(test, 0, 1), 2));
        }
        RunReport.lossCurve(files, history, "-elbo");
        Elbo elbo = VaeEvaluator.elbo(vae, test, seed);
        return RunReport.summary(files, vae, train, test, history, seconds, String.format(Locale.ROOT,
                "test -ELBO     %.2f nats per image (reconstruction %.2f + KL %.2f), %.4f bits/dim%n",
                elbo.negativeElbo(), elbo.reconstruction(), elbo.kl(), elbo.bitsPerDimension()));
    }

    /** The labels of some images for a conditional model, else null. */
    private int[] labels(ImageDataset data, int... indices) {
        return vae.config().conditional() ? IntStream.of(indices).map(data::label).toArray() : null;
    }

    /** Rows of test images, each followed by a row of their reconstructions. */
    private void writeReconstructions(RunFiles files, ImageDataset test) {
        int columns = RunReport.COLUMNS;
        int n = Math.min(2 * columns, test.size());
        int size = test.shape().size();
        float[] originals = test.read(IntStream.range(0, n).toArray());
        float[] recon = Sampler.reconstruct(vae, originals, labels(test, IntStream.range(0, n).toArray()), n);
        float[] grid = new float[2 * n * size];
        for (int i = 0; i < n; i++) {
            int row = i / columns;
            int col = i % columns;
            System.arraycopy(originals, i * size, grid, ((2 * row) * columns + col) * size, size);
            System.arraycopy(recon, i * size, grid, ((2 * row + 1) * columns + col) * size, size);
        }
        dev.regen.io.ImageGrid.write(grid, 2 * n, test.shape(), columns, files.reconstructions());
    }
}
