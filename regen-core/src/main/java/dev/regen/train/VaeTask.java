package dev.regen.train;

import dev.regen.config.ImageShape;
import dev.regen.config.TrainConfig;
import dev.regen.data.ImageDataset;
import dev.regen.io.ModelFile;
import dev.regen.model.Network;
import dev.regen.model.Vae;
import dev.regen.model.VaeLoss;
import dev.regen.nn.Adams;
import dev.regen.nn.Tensors;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Damaged;
import dev.regen.data.damage.Display;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

import java.util.List;
import java.util.Map;

/**
 * Trains a VAE with Adam on the ELBO (with beta, KL warm-up and free bits) or on the
 * importance-weighted bound; for a restoration task,
 * on damaged inputs with the clean images as targets, each damage seeded by the step and the
 * image's place in the batch so that a resumed run damages the same way.
 */
final class VaeTask implements TrainingTask {
    private final Vae vae;
    private final TrainConfig config;
    private final TensorVector parameters;
    private final Optimizers optimizers = new Optimizers();
    private final Adam optimizer;
    private final Corruption inputDamage;

    VaeTask(Vae vae, TrainConfig config) {
        this.vae = vae;
        this.config = config;
        this.parameters = vae.parameters();
        this.optimizer = optimizers.add(ModelFile.OPTIMIZER,
                Adams.adam(parameters, config.optimisation().learningRate(), 0.9, 0.999));
        this.inputDamage = config.objective().inputDamage();
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
        Tensor inputs = inputDamage == null ? images : damaged(images, context.step());
        VaeLoss loss = vae.loss(inputs, images, labels, klWeight(config, context), objective.freeBits());
        return new double[]{update(loss.total(), context), loss.negativeElbo()};
    }

    private double update(Tensor loss, StepContext context) {
        return Descent.step(optimizer, loss, context, parameters, config.optimisation().gradClip());
    }

    /** The batch damaged image by image, shown at the model's size (as restoration will show it to the encoder). */
    private Tensor damaged(Tensor images, long step) {
        ImageShape shape = vae.config().shape();
        float[] clean = Tensors.floats(images);
        int n = (int) images.size(0);
        float[] out = new float[clean.length];
        long base = config.seed() * 1_000_003L + step * 65_536L;
        for (int i = 0; i < n; i++) {
            Damaged d = inputDamage.apply(clean, i * shape.size(), shape, base + i);
            System.arraycopy(Display.atOriginalSize(d, shape), 0, out, i * shape.size(), shape.size());
        }
        return Tensors.images(out, n, shape);
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
