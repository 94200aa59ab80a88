package dev.regen.train;

import dev.regen.config.TrainConfig;
import dev.regen.data.ImageDataset;
import dev.regen.model.Network;
import dev.regen.model.Vae;
import dev.regen.model.VaeGan;
import dev.regen.model.VaeLoss;
import dev.regen.nn.Adams;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.List;
import java.util.Map;

import static dev.regen.nn.Tensors.scalar;

/**
 * Trains a VAE-GAN: each step first updates the discriminator on real images against detached
 * reconstructions and prior samples, then the VAE on its ELBO plus the weighted adversarial loss
 * of its decoder; the discriminator's gradients from that second pass are cleared.
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
                Adams.adam(model.vaeParameters(), config.learningRate(), 0.9, 0.999));
        // The discriminator learns at the DCGAN settings, which suit it whatever the VAE's rate.
        discriminatorOptimizer = optimizers.add(DISCRIMINATOR_OPTIMIZER,
                Adams.adam(model.discriminatorParameters(), 2e-4, 0.5, 0.999));
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
        Tensor reconstructed;
        Tensor sampled;
        try (NoGradGuard noGrad = new NoGradGuard()) {
            reconstructed = vae.decode(vae.encode(images, labels).sample(), labels);
            sampled = vae.decode(torch.randn(images.size(0), vae.config().latent()), labels);
        }
        Tensor discriminatorLoss = model.discriminatorLoss(images, reconstructed, sampled, labels);
        double d = TrainingDivergedException.check(discriminatorLoss.item_double(), context);
        discriminatorOptimizer.zero_grad();
        discriminatorLoss.backward();
        discriminatorOptimizer.step();

        VaeLoss loss = vae.loss(images, labels, VaeTask.klWeight(config, context), config.freeBits());
        Tensor adversarial = model.adversarialLoss(loss.logits().sigmoid(),
                vae.decode(torch.randn(images.size(0), vae.config().latent()), labels), labels);
        Tensor total = loss.total().add(adversarial.mul(scalar(config.adversarialWeight())));
        double value = TrainingDivergedException.check(total.item_double(), context);
        vaeOptimizer.zero_grad();
        total.backward();
        vaeOptimizer.step();
        discriminatorOptimizer.zero_grad();
        return new double[]{value, loss.negativeElbo(), d, adversarial.item_double()};
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
