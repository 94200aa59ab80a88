package dev.regen.train;

import dev.regen.config.TrainConfig;
import dev.regen.data.ImageDataset;
import dev.regen.model.Network;
import dev.regen.model.Vae;
import dev.regen.model.VaeGan;
import dev.regen.model.VaeLoss;
import dev.regen.nn.Adams;
import dev.regen.nn.FrozenWeights;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;

import java.util.List;
import java.util.Map;

import static dev.regen.nn.Tensors.scalar;

/**
 * Trains a VAE-GAN: each step first updates the discriminator on real images against detached
 * reconstructions and prior samples, then the VAE on its ELBO plus the weighted adversarial loss
 * of its decoder, with the discriminator frozen so that it collects no gradients from that pass.
 */
final class VaeGanTask implements TrainingTask {
    private static final String VAE_OPTIMIZER = "optimizer-vae.pt";
    private static final String DISCRIMINATOR_OPTIMIZER = GanTask.DISCRIMINATOR_OPTIMIZER;

    private final VaeGan model;
    private final TrainConfig config;
    private final Optimizers optimizers = new Optimizers();
    private final Adam vaeOptimizer;
    private final Adam discriminatorOptimizer;

    VaeGanTask(VaeGan model, TrainConfig config) {
        this.model = model;
        this.config = config;
        vaeOptimizer = optimizers.add(VAE_OPTIMIZER,
                Adams.adam(model.vaeParameters(), config.optimisation().learningRate(), 0.9, 0.999));
        // The discriminator learns at the DCGAN settings, which suit it whatever the VAE's rate.
        discriminatorOptimizer = optimizers.add(DISCRIMINATOR_OPTIMIZER,
                Adams.adam(model.discriminatorParameters(), 2e-4, 0.5, 0.999));
        // The VAE is this family's generator: its decoder draws the samples, its encoder the codes.
        optimizers.averageGenerators(model.vaeParameters(), config.optimisation().emaDecay());
    }

    @Override
    public Network model() {
        return model;
    }

    @Override
    public List<String> lossNames() {
        return List.of("loss", "-elbo", "d", "adversarial");
    }

    @Override
    public double[] step(Tensor images, Tensor labels, StepContext context) {
        Vae vae = model.vae();
        // One reconstruction and one prior sample serve both updates: detached for the
        // discriminator's, with their graphs for the VAE's, which then meets the updated
        // discriminator.
        VaeLoss loss = vae.loss(images, labels, VaeTask.klWeight(config, context), config.objective().freeBits());
        Tensor reconstructed = vae.mean(loss.logits());
        Tensor sampled = vae.decode(vae.samplePrior(images.size(0)), labels);
        double d;
        // The discriminator's update in its own scope, so that its activations are freed before the VAE's.
        try (PointerScope discriminatorUpdate = new PointerScope()) {
            Tensor discriminatorLoss = model.discriminatorLoss(images, reconstructed.detach(), sampled.detach(),
                    labels);
            d = Descent.step(discriminatorOptimizer, discriminatorLoss, context);
        }

        try (FrozenWeights frozen = new FrozenWeights(model.discriminatorParameters())) {
            Tensor adversarial = model.adversarialLoss(reconstructed, sampled, labels);
            Tensor total = loss.total().add(adversarial.mul(scalar(config.adversarial().adversarialWeight())));
            double value = Descent.step(vaeOptimizer, total, context);
            optimizers.updateGeneratorAverage(context.step());
            return new double[]{value, loss.negativeElbo(), d, adversarial.item_double()};
        }
    }

    @Override
    public Map<String, Double> evaluate(ImageDataset test, long seed) {
        return VaeReport.evaluate(model.vae(), test, seed);
    }

    @Override
    public Optimizers optimizers() {
        return optimizers;
    }

    @Override
    public String report(RunFiles files, ImageDataset train, ImageDataset test, List<EpochMetrics> history, long seed,
                         double seconds) {
        return VaeReport.write(files, model.vae(), train, test, history, seed, seconds);
    }
}
