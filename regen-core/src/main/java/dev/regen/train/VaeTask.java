package dev.regen.train;

import dev.regen.config.TrainConfig;
import dev.regen.data.ImageDataset;
import dev.regen.io.ModelFile;
import dev.regen.model.Network;
import dev.regen.model.Vae;
import dev.regen.model.VaeLoss;
import dev.regen.nn.Adams;
import dev.regen.data.damage.Corruption;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

import java.util.List;
import java.util.Map;

/**
 * Trains a VAE with Adam on the ELBO (with beta, KL warm-up and free bits) or on the
 * importance-weighted bound; for a restoration task, on damaged inputs with the clean images as
 * targets ({@link TrainingDamage}).
 */
final class VaeTask implements TrainingTask {
    private final Vae vae;
    private final TrainConfig config;
    private final TensorVector parameters;
    private final Optimizers optimizers = new Optimizers();
    private final Adam optimizer;
    private final TrainingDamage inputDamage;

    VaeTask(Vae vae, TrainConfig config) {
        this.vae = vae;
        this.config = config;
        this.parameters = vae.parameters();
        this.optimizer = optimizers.add(ModelFile.OPTIMIZER,
                Adams.adam(parameters, config.optimisation().learningRate(), 0.9, 0.999));
        Corruption damage = config.objective().inputDamage();
        this.inputDamage = damage == null ? null : new TrainingDamage(damage, vae.config().shape(), config.seed());
    }

    @Override
    public Network model() {
        return vae;
    }

    @Override
    public List<String> lossNames() {
        // Under the IWAE objective a step computes the importance-weighted bound and no ELBO.
        return config.objective().iwae() ? List.of("-iwae") : List.of("loss", "-elbo");
    }

    @Override
    public double[] step(Tensor images, Tensor labels, StepContext context) {
        TrainConfig.Objective objective = config.objective();
        if (objective.iwae()) {
            Tensor bound = vae.negativeIwaeBound(images, labels, objective.iwaeSamples());
            return new double[]{update(bound, context)};
        }
        Tensor inputs = inputDamage == null ? images : inputDamage.inputs(images, context.step());
        VaeLoss loss = vae.loss(inputs, images, labels, klWeight(config, context), objective.freeBits());
        return new double[]{update(loss.total(), context), loss.negativeElbo()};
    }

    private double update(Tensor loss, StepContext context) {
        return Descent.step(optimizer, loss, context, parameters, config.optimisation().gradClip());
    }

    /** The KL weight: beta, ramped linearly from 0 over the warm-up epochs (Bowman et al. 2016). */
    static double klWeight(TrainConfig config, StepContext context) {
        TrainConfig.Objective objective = config.objective();
        double ramp = objective.klWarmupEpochs() <= 0 ? 1.0
                : Math.min(1.0, context.epochsDone() / objective.klWarmupEpochs());
        return objective.beta() * ramp;
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
