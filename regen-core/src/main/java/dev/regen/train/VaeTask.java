package dev.regen.train;

import dev.regen.config.TrainConfig;
import dev.regen.data.ImageDataset;
import dev.regen.io.ModelFile;
import dev.regen.model.Network;
import dev.regen.model.Vae;
import dev.regen.model.VaeLoss;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.List;
import java.util.Map;

/** Trains a VAE with Adam on the ELBO (with beta, KL warm-up and free bits). */
final class VaeTask implements TrainingTask {
    private final Vae vae;
    private final TrainConfig config;
    private final TensorVector parameters;
    private final Optimizers optimizers = new Optimizers();
    private final Adam optimizer;

    VaeTask(Vae vae, TrainConfig config) {
        this.vae = vae;
        this.config = config;
        this.parameters = vae.parameters();
        this.optimizer = optimizers.add(ModelFile.OPTIMIZER, new Adam(parameters, new AdamOptions(config.learningRate())));
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
        VaeLoss loss = vae.loss(images, labels, klWeight(config, context), config.freeBits());
        double total = TrainingDivergedException.check(loss.total().item_double(), context);
        optimizer.zero_grad();
        loss.total().backward();
        if (config.gradClip() > 0) {
            torch.clip_grad_norm_(parameters, config.gradClip());
        }
        optimizer.step();
        return new double[]{total, loss.negativeElbo()};
    }

    /** The KL weight: beta, ramped linearly from 0 over the warm-up epochs (Bowman et al. 2016). */
    static double klWeight(TrainConfig config, StepContext context) {
        double ramp = config.klWarmupEpochs() <= 0 ? 1.0
                : Math.min(1.0, context.epochsDone() / config.klWarmupEpochs());
        return config.beta() * ramp;
    }

    @Override
    public Map<String, Double> evaluate(ImageDataset test, long seed) {
        return VaeReport.evaluate(vae, test, seed);
    }

    @Override
    public Optimizers optimizers() {
        return optimizers;
    }

    @Override
    public String report(RunFiles files, ImageDataset train, ImageDataset test, List<EpochMetrics> history, long seed,
                         double seconds) {
        return VaeReport.write(files, vae, train, test, history, seed, seconds);
    }
}
