package dev.regen.train;

import dev.regen.config.ImageShape;
import dev.regen.config.TrainConfig;
import dev.regen.config.TranslationDirection;
import dev.regen.data.ImageDataset;
import dev.regen.model.CycleGan;
import dev.regen.model.Network;
import dev.regen.nn.Adams;
import dev.regen.nn.FrozenWeights;
import dev.regen.nn.ImagePool;
import dev.regen.nn.RandomJitter;
import dev.regen.sample.Sampler;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains CycleGAN on unpaired images of both domains stacked as channels ({@code data.Unpaired}),
 * moved and mirrored at random first when the run jitters ({@link RandomJitter}): every step
 * updates both generators with the discriminators frozen, then both discriminators on real images
 * and fakes drawn through each domain's pool of past fakes, as the original orders them.
 * Adam with betas (0.5, 0.999). Each epoch reports the test images' mean cycle-consistency
 * distance, |F(G(a)) - a| and |G(F(b)) - b| averaged, in [0, 1] units.
 */
final class CycleGanTask implements TrainingTask {
    /** Model-file entry of the pools of past fakes. */
    static final String POOLS = "fake-pools.pt";
    /** Test images of each domain shown in the report's grid. */
    private static final int SHOWN = 8;

    private final CycleGan model;
    private final TrainConfig config;
    private final Optimizers optimizers = new Optimizers();
    private final Adam generatorOptimizer;
    private final Adam discriminatorOptimizer;
    private final Pools pools;

    /** The pools of fakes of A and of B, one module so that one checkpoint entry keeps both. */
    private static final class Pools extends Module {
        final ImagePool ofA;
        final ImagePool ofB;

        Pools(int capacity, ImageShape a, ImageShape b) {
            ofA = register_module("a", new ImagePool(capacity, a));
            ofB = register_module("b", new ImagePool(capacity, b));
        }
    }

    CycleGanTask(CycleGan model, TrainConfig config) {
        this.model = model;
        this.config = config;
        double rate = config.optimisation().learningRate();
        // The entries a GAN's optimizers are saved under; betas (0.5, 0.999) as the original.
        generatorOptimizer = optimizers.add(GanTask.GENERATOR_OPTIMIZER,
                Adams.adam(model.generatorParameters(), rate, 0.5, 0.999));
        discriminatorOptimizer = optimizers.add(GanTask.DISCRIMINATOR_OPTIMIZER,
                Adams.adam(model.discriminatorParameters(), rate, 0.5, 0.999));
        pools = optimizers.addState(POOLS, new Pools(config.translation().poolSize(), model.config().sourceShape(),
                model.config().shape()));
        optimizers.averageGenerators(model.generatorParameters(), config.optimisation().emaDecay());
    }

    @Override
    public Network model() {
        return model;
    }

    @Override
    public List<String> lossNames() {
        return List.of("g", "d", "cycle");
    }

    @Override
    public double[] step(Tensor batch, Tensor labels, StepContext context) {
        Tensor both = config.translation().jitter() ? RandomJitter.apply(batch) : batch;
        long channelsOfA = model.config().sourceChannels();
        Tensor a = both.narrow(1, 0, channelsOfA);
        Tensor b = both.narrow(1, channelsOfA, model.config().shape().channels());
        TrainConfig.Translation settings = config.translation();
        double g;
        double cycle;
        double d;
        try (PointerScope update = new PointerScope()) {
            Tensor fakeA;
            Tensor fakeB;
            try (PointerScope generators = new PointerScope();
                 FrozenWeights frozen = new FrozenWeights(model.discriminatorParameters())) {
                CycleGan.GeneratorPass pass = model.generatorPass(settings, a, b);
                g = Descent.step(generatorOptimizer, pass.loss(), context);
                optimizers.updateGeneratorAverage(context.step());
                cycle = pass.cycle().item_double();
                fakeA = pools.ofA.query(pass.fakeA().detach());
                fakeB = pools.ofB.query(pass.fakeB().detach());
                update.attach(fakeA);
                update.attach(fakeB);
            }
            d = Descent.step(discriminatorOptimizer, model.discriminatorLoss(settings.ganLoss(), a, b, fakeA, fakeB),
                    context);
        }
        return new double[]{g, d, cycle};
    }

    @Override
    public Map<String, Double> evaluate(ImageDataset test, long seed) {
        double sum = 0;
        // Scored in training-sized batches: a larger one raises the allocator's high-water mark, which
        // it keeps for the rest of the run (64 pairs at once took pix2pix from 550 to 870 MB).
        int batch = config.optimisation().batchSize();
        for (int start = 0; start < test.size(); start += batch) {
            int count = Math.min(batch, test.size() - start);
            float[][] split = StackedImages.split(test, start, count, model.config());
            sum += distance(split[0], cycled(split[0], TranslationDirection.A2B, count), count)
                    + distance(split[1], cycled(split[1], TranslationDirection.B2A, count), count);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("cycle", sum / (2.0 * test.size()));
        return metrics;
    }

    /** The images translated one way and back. */
    private float[] cycled(float[] images, TranslationDirection direction, int count) {
        return Sampler.translate(model, Sampler.translate(model, images, count, direction), count,
                direction.reversed());
    }

    /** The sum over images of each one's mean absolute difference. */
    private static double distance(float[] x, float[] y, int count) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(x[i] - y[i]);
        }
        return sum / (x.length / (double) count);
    }

    @Override
    public Optimizers optimizers() {
        return optimizers;
    }

    @Override
    public String report(RunFiles files, ImageDataset train, ImageDataset test, List<EpochMetrics> history, long seed,
                         double seconds) {
        ImageShape shapeA = model.config().sourceShape();
        ImageShape shapeB = model.config().shape();
        int n = Math.min(SHOWN, test.size());
        float[][] split = StackedImages.split(test, 0, n, model.config());
        TranslationDirection there = TranslationDirection.A2B;
        TranslationDirection back = TranslationDirection.B2A;
        RunReport.rows(files.samples(), n, new float[][]{
                split[0], Sampler.translate(model, split[0], n, there), cycled(split[0], there, n),
                split[1], Sampler.translate(model, split[1], n, back), cycled(split[1], back, n)},
                new ImageShape[]{shapeA, shapeB, shapeA, shapeB, shapeA, shapeB});
        RunReport.lossCurve(files, history, "g", "d", "cycle");
        // The last epoch's test metrics are the final model's: every epoch ends by evaluating it.
        double cycle = history.get(history.size() - 1).test().get("cycle");
        return RunReport.summary(files, model, train, test, history, seconds, String.format(Locale.ROOT,
                "test images    mean cycle-consistency distance %.4f (%d of each domain)%n"
                        + "identity loss  %s%n"
                        + "samples.png    rows: test A, G(A), F(G(A)), test B, F(B), G(F(B))%n",
                cycle, test.size(), model.hasIdentity()
                        ? "weight " + config.translation().lambdaIdentity() + " x lambda cycle"
                        : "off: the two domains differ in channels"));
    }
}
