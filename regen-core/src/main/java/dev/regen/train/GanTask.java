package dev.regen.train;

import dev.regen.nn.Noise;
import dev.regen.nn.Torch;
import dev.regen.config.Augmentation;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.data.ImageDataset;
import dev.regen.model.Gan;
import dev.regen.model.Network;
import dev.regen.nn.Adams;
import dev.regen.nn.DiffAugment;
import dev.regen.nn.FrozenWeights;
import dev.regen.sample.Sampler;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a GAN: every step updates the discriminator on real images and detached fakes; every
 * {@code criticSteps}-th step then updates the generator. Each network's gradients are zeroed
 * right before its own backward pass, the fakes are detached for the discriminator's, and the
 * discriminator is frozen during the generator's, so no step ever applies gradients the other
 * one left. With differentiable augmentation, every image the discriminator sees, real or fake,
 * passes through the same kind of random transforms, the generator's through them too.
 */
final class GanTask implements TrainingTask {
    /** Model-file entry of the generator's optimizer state. */
    static final String GENERATOR_OPTIMIZER = "optimizer-generator.pt";
    /** Model-file entry of the discriminator's optimizer state. */
    static final String DISCRIMINATOR_OPTIMIZER = "optimizer-discriminator.pt";

    private final Gan gan;
    private final TrainConfig config;
    private final Optimizers optimizers = new Optimizers();
    private final Adam generatorOptimizer;
    private final Adam discriminatorOptimizer;
    private double lastGeneratorLoss = Double.NaN;

    GanTask(Gan gan, TrainConfig config) {
        this.gan = gan;
        this.config = config;
        // DCGAN and SN-GAN: betas (0.5, 0.999) (Radford et al. 2016; Miyato et al. 2018 with one
        // critic step); WGAN-GP: (0.5, 0.9) as in Gulrajani et al.'s MNIST experiments.
        double beta2 = gan.config().kind() == ModelKind.WGAN_GP ? 0.9 : 0.999;
        generatorOptimizer = optimizers.add(GENERATOR_OPTIMIZER,
                Adams.adam(gan.generatorParameters(), config.optimisation().learningRate(), 0.5, beta2));
        discriminatorOptimizer = optimizers.add(DISCRIMINATOR_OPTIMIZER,
                Adams.adam(gan.discriminatorParameters(), config.optimisation().learningRate(), 0.5, beta2));
        optimizers.averageGenerators(gan.generatorParameters(), config.optimisation().emaDecay());
    }

    @Override
    public Network model() {
        return gan;
    }

    @Override
    public List<String> lossNames() {
        return List.of("d", "g");
    }

    @Override
    public double[] step(Tensor images, Tensor labels, StepContext context) {
        long batch = images.size(0);
        long latent = gan.config().latent();
        List<Augmentation> augment = config.adversarial().augmentations();
        double d;
        // Each update in its own scope: its activations are freed when it ends, not kept beside the
        // next one's until the step ends (a 64x64 DCGAN run peaked at 1.2 GB instead of 0.9).
        try (PointerScope discriminatorUpdate = new PointerScope()) {
            Tensor fake;
            // The fakes outlive the generator's own activations, which no gradient needs.
            try (PointerScope generation = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                fake = gan.generate(Noise.normal(batch, latent), labels);
                discriminatorUpdate.attach(fake);
            }
            Tensor discriminatorLoss = gan.discriminatorLoss(DiffAugment.apply(images, augment),
                    DiffAugment.apply(fake, augment), labels, config.adversarial().gradientPenalty());
            d = Descent.step(discriminatorOptimizer, discriminatorLoss, context);
        }
        if ((context.step() + 1) % config.adversarial().criticSteps() == 0) {
            // The discriminator is frozen for the generator's pass: its weight gradients would be
            // thrown away, and the engine then does not compute them.
            try (PointerScope generatorUpdate = new PointerScope();
                 FrozenWeights frozen = new FrozenWeights(gan.discriminatorParameters())) {
                Tensor generatorLoss = gan.generatorLoss(
                        DiffAugment.apply(gan.generate(Noise.normal(batch, latent), labels), augment), labels);
                lastGeneratorLoss = Descent.step(generatorOptimizer, generatorLoss, context);
            }
            optimizers.updateGeneratorAverage(context.step());
            discriminatorOptimizer.zero_grad();   // its own step's gradients are spent: leave none behind
        }
        return new double[]{d, lastGeneratorLoss};
    }

    /**
     * The generator's batch norm gets standing statistics for sampling (Gan#refreshGeneratorStatistics),
     * for its averaged weights when the run keeps them.
     */
    @Override
    public void finish(long seed) {
        Torch.seed(seed);
        gan.refreshGeneratorStatistics(config.optimisation().batchSize());
    }

    @Override
    public Map<String, Double> evaluate(ImageDataset test, long seed) {
        return Map.of();
    }

    @Override
    public Optimizers optimizers() {
        return optimizers;
    }

    @Override
    public String report(RunFiles files, ImageDataset train, ImageDataset test, List<EpochMetrics> history, long seed,
                         double seconds) {
        RunReport.samples(files, gan, seed);
        RunReport.interpolation(files, gan, Sampler.priorCodes(gan, 2, seed + 2));
        RunReport.lossCurve(files, history, "d", "g");
        EpochMetrics last = history.get(history.size() - 1);
        return RunReport.summary(files, gan, train, test, history, seconds, String.format(Locale.ROOT,
                "last epoch     discriminator loss %.4f, generator loss %.4f%n", last.train().get("d"),
                last.train().get("g")));
    }
}
