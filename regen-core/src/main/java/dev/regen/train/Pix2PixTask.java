package dev.regen.train;

import dev.regen.config.ImageShape;
import dev.regen.config.TrainConfig;
import dev.regen.config.TranslationDirection;
import dev.regen.data.ImageDataset;
import dev.regen.data.damage.Corruption;
import dev.regen.eval.metric.ImageQuality;
import dev.regen.model.Network;
import dev.regen.model.Pix2Pix;
import dev.regen.nn.Adams;
import dev.regen.nn.FrozenWeights;
import dev.regen.nn.RandomJitter;
import dev.regen.sample.Sampler;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.regen.nn.Tensors.scalar;

/**
 * Trains pix2pix on pairs stacked as channels (input first, then target; {@code data.Paired}),
 * or for a restoration task on clean images, each input the image damaged afresh
 * ({@link TrainingDamage}); when the run jitters, each pair or image is first moved and mirrored at
 * random ({@link RandomJitter}). Every step updates the discriminator on real pairs and detached
 * translations, then the generator on the adversarial loss plus the weighted L1 distance (and, when
 * the run weighs it, 1 - SSIM: {@link StructuralSimilarity}) with the discriminator frozen.
 * Adam with betas (0.5, 0.999), as the original. Each epoch reports the test pairs' mean L1, PSNR
 * and SSIM of the translations against their targets (for a task, of the restorations of the test
 * images damaged by one fixed draw).
 */
final class Pix2PixTask implements TrainingTask {
    /** Test pairs shown in the report's grid. */
    private static final int SHOWN = 8;

    private final Pix2Pix model;
    private final TrainConfig config;
    private final Optimizers optimizers = new Optimizers();
    private final Adam generatorOptimizer;
    private final Adam discriminatorOptimizer;
    private final TrainingDamage inputDamage;

    Pix2PixTask(Pix2Pix model, TrainConfig config) {
        this.model = model;
        this.config = config;
        Corruption damage = config.objective().inputDamage();
        this.inputDamage = damage == null ? null : new TrainingDamage(damage, model.config().shape(), config.seed());
        double rate = config.optimisation().learningRate();
        // The entries a GAN's optimizers are saved under; betas (0.5, 0.999) as the original.
        generatorOptimizer = optimizers.add(GanTask.GENERATOR_OPTIMIZER,
                Adams.adam(model.generatorParameters(), rate, 0.5, 0.999));
        discriminatorOptimizer = optimizers.add(GanTask.DISCRIMINATOR_OPTIMIZER,
                Adams.adam(model.discriminatorParameters(), rate, 0.5, 0.999));
        optimizers.averageGenerators(model.generatorParameters(), config.optimisation().emaDecay());
    }

    @Override
    public Network model() {
        return model;
    }

    @Override
    public List<String> lossNames() {
        return List.of("g", "d");
    }

    @Override
    public ImageShape dataShape() {
        return inputDamage == null ? model.config().dataShape() : model.config().shape();
    }

    @Override
    public double[] step(Tensor batch, Tensor labels, StepContext context) {
        Tensor items = config.translation().jitter() ? RandomJitter.apply(batch) : batch;
        long sourceChannels = model.config().sourceChannels();
        Tensor a = inputDamage == null ? items.narrow(1, 0, sourceChannels) : inputDamage.inputs(items, context.step());
        Tensor b = inputDamage == null ? items.narrow(1, sourceChannels, model.config().shape().channels()) : items;
        TrainConfig.Translation losses = config.translation();
        double d;
        double g;
        try (PointerScope update = new PointerScope()) {
            Tensor fake;
            try (PointerScope translation = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                fake = model.translate(a, TranslationDirection.A2B);
                update.attach(fake);
            }
            d = Descent.step(discriminatorOptimizer, model.discriminatorLoss(losses.ganLoss(), a, b, fake), context);
        }
        try (PointerScope update = new PointerScope();
             FrozenWeights frozen = new FrozenWeights(model.discriminatorParameters())) {
            Tensor fake = model.translate(a, TranslationDirection.A2B);
            Tensor loss = model.generatorLoss(losses.ganLoss(), losses.lambdaL1(), a, b, fake);
            if (losses.lambdaSsim() > 0) {
                Tensor dissimilarity = StructuralSimilarity.mean(fake, b).neg().add(scalar(1));
                loss = loss.add(dissimilarity.mul(scalar(losses.lambdaSsim())));
            }
            g = Descent.step(generatorOptimizer, loss, context);
        }
        optimizers.updateGeneratorAverage(context.step());
        return new double[]{g, d};
    }

    @Override
    public Map<String, Double> evaluate(ImageDataset test, long seed) {
        ImageShape target = model.config().shape();
        double l1 = 0;
        double psnr = 0;
        double ssim = 0;
        // Scored in training-sized batches: a larger one raises the allocator's high-water mark, which
        // it keeps for the rest of the run (64 pairs at once took pix2pix from 550 to 870 MB).
        int batch = config.optimisation().batchSize();
        for (int start = 0; start < test.size(); start += batch) {
            int count = Math.min(batch, test.size() - start);
            float[][] split = testPairs(test, start, count, seed);
            float[] translated = Sampler.translate(model, split[0], count, TranslationDirection.A2B);
            for (int i = 0; i < count; i++) {
                psnr += ImageQuality.psnr(split[1], translated, i * target.size(), target);
                ssim += ImageQuality.ssim(split[1], translated, i * target.size(), target);
            }
            for (int i = 0; i < translated.length; i++) {
                l1 += Math.abs(translated[i] - split[1][i]);
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("l1", l1 / ((double) test.size() * target.size()));
        metrics.put("psnr", psnr / test.size());
        metrics.put("ssim", ssim / test.size());
        return metrics;
    }

    /** The inputs and targets of {@code count} test items from {@code start}; damaged ones seeded {@code seed + index}. */
    private float[][] testPairs(ImageDataset test, int start, int count, long seed) {
        if (inputDamage == null) {
            return StackedImages.split(test, start, count, model.config());
        }
        float[] clean = test.read(IntStream.range(start, start + count).toArray());
        return new float[][]{inputDamage.damaged(clean, count, seed + start), clean};
    }

    @Override
    public Optimizers optimizers() {
        return optimizers;
    }

    @Override
    public String report(RunFiles files, ImageDataset train, ImageDataset test, List<EpochMetrics> history, long seed,
                         double seconds) {
        ImageShape target = model.config().shape();
        int shown = Math.min(SHOWN, test.size());
        float[][] split = testPairs(test, 0, shown, seed);
        float[] translated = Sampler.translate(model, split[0], shown, TranslationDirection.A2B);
        RunReport.rows(files.samples(), shown, new float[][]{split[0], translated, split[1]},
                new ImageShape[]{model.config().sourceShape(), target, target});
        RunReport.lossCurve(files, history, "g", "d");
        // The last epoch's test metrics are the final model's: every epoch ends by evaluating it.
        Map<String, Double> scores = history.get(history.size() - 1).test();
        return RunReport.summary(files, model, train, test, history, seconds, String.format(Locale.ROOT,
                "test pairs     mean L1 %.4f, PSNR %.2f dB, SSIM %.4f of the translations against their targets "
                        + "(%d pairs)%n"
                        + "samples.png    rows: %s%n",
                scores.get("l1"), scores.get("psnr"), scores.get("ssim"), test.size(), inputDamage == null
                        ? "test inputs, their translations, the targets"
                        : "damaged test images, their restorations, the originals"));
    }
}
