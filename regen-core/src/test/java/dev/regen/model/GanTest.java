package dev.regen.model;

import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GanTest {
    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    private static Gan gan(ModelKind kind, ImageShape shape, int classes) {
        return new Gan(new ModelConfig(kind, shape, 8, Likelihood.BERNOULLI, 8, classes));
    }

    @ParameterizedTest
    @CsvSource({"dcgan,1,28,28,0", "dcgan,3,32,32,10", "wgan-gp,2,17,23,0", "wgan-gp,3,64,48,4", "sngan,1,28,28,0",
            "sngan,3,32,32,5"})
    void generatorAndDiscriminatorFitAnyImageShape(String kind, int c, int h, int w, int classes) {
        try (PointerScope scope = new PointerScope()) {
            Gan gan = gan(ModelKind.parse(kind), new ImageShape(c, h, w), classes);
            Tensor labels = classes == 0 ? null : Tensors.labels(gan.config(), new int[]{0, 1, classes - 1}, 3);
            Tensor images = gan.generate(torch.randn(3, 8), labels);
            assertArrayEquals(new long[]{3, c, h, w}, images.sizes().vec().get());
            assertArrayEquals(new long[]{3}, gan.score(images, labels).sizes().vec().get());
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "4"})
    void standingStatisticsMakeEvaluationModeMatchLargeBatchStatistics(int classes) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Torch.seed(3);
            Gan gan = gan(ModelKind.DCGAN, new ImageShape(3, 32, 32), classes);
            Tensor noise = torch.randn(512, 8);
            Tensor labels = classes == 0 ? null
                    : Tensors.labels(gan.config(), IntStream.range(0, 512).map(i -> i % classes)
                    .toArray(), 512);
            // An untrained generator's batch norm still holds mean 0 and variance 1.
            double before = evaluationAgainstBatchStatistics(gan, noise, labels);
            gan.refreshGeneratorStatistics(64);
            double after = evaluationAgainstBatchStatistics(gan, noise, labels);
            assertTrue(after < before / 5, "mean difference before " + before + ", after " + after);
        }
    }

    /** The mean pixel difference between evaluation-mode images and those on the batch's own statistics. */
    private static double evaluationAgainstBatchStatistics(Gan gan, Tensor noise, Tensor labels) {
        gan.evaluationMode(true);
        Tensor evaluated = gan.generate(noise, labels);
        gan.evaluationMode(false);
        Tensor batch = gan.generate(noise, labels);
        return evaluated.sub(batch).abs().mean().item_double();
    }

    /** A discriminator whose every weight is zero scores every image 0. */
    private static void silenceDiscriminator(Gan gan) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            TensorVector params = gan.discriminatorParameters();
            for (long i = 0; i < params.size(); i++) {
                params.get(i).zero_();
            }
        }
    }

    @Test
    void dcganLossesAtAnUndecidedDiscriminatorAreLogTwo() {
        try (PointerScope scope = new PointerScope()) {
            Gan gan = gan(ModelKind.DCGAN, new ImageShape(1, 28, 28), 0);
            silenceDiscriminator(gan);
            Tensor real = torch.rand(4, 1, 28, 28);
            Tensor fake = gan.generate(torch.randn(4, 8), null);
            // D(x) = sigmoid(0) = 1/2 everywhere: -log 1/2 - log(1 - 1/2) = 2 ln 2; generator -log 1/2 = ln 2.
            assertEquals(2 * Math.log(2), gan.discriminatorLoss(real, fake, null, 10).item_double(), 1e-6);
            assertEquals(Math.log(2), gan.generatorLoss(fake, null).item_double(), 1e-6);
        }
    }

    @Test
    void wganPenaltyOfAFlatCriticIsOnePerUnitOfLambda() {
        try (PointerScope scope = new PointerScope()) {
            Gan gan = gan(ModelKind.WGAN_GP, new ImageShape(1, 28, 28), 0);
            silenceDiscriminator(gan);
            Tensor real = torch.rand(4, 1, 28, 28);
            Tensor fake = gan.generate(torch.randn(4, 8), null);
            // A constant critic has zero gradient, so (||grad|| - 1)^2 = 1 and the Wasserstein term is 0.
            assertEquals(1.0, gan.gradientPenalty(real, fake, null).item_double(), 1e-5);
            assertEquals(10.0, gan.discriminatorLoss(real, fake, null, 10).item_double(), 1e-4);
            assertEquals(0.0, gan.generatorLoss(fake, null).item_double(), 1e-6);
        }
    }

    @Test
    void hingeLossesMatchTheirDefinitionOnTheDiscriminatorsScores() {
        try (PointerScope scope = new PointerScope()) {
            Gan gan = gan(ModelKind.SNGAN, new ImageShape(1, 28, 28), 0);
            Tensor real = torch.rand(4, 1, 28, 28);
            for (int i = 0; i < 20; i++) {
                gan.score(real, null);   // training mode: power iterations settle the singular vectors
            }
            gan.evaluationMode(true);   // no more iterations: the same scores on every call
            Tensor fake = gan.generate(torch.randn(4, 8), null);
            float[] r = Tensors.floats(gan.score(real, null));
            float[] f = Tensors.floats(gan.score(fake, null));
            double expected = 0;
            double generator = 0;
            for (int i = 0; i < 4; i++) {
                expected += (Math.max(0, 1 - r[i]) + Math.max(0, 1 + f[i])) / 4;
                generator -= f[i] / 4.0;
            }
            assertEquals(expected, gan.discriminatorLoss(real, fake, null, 10).item_double(), 1e-5);
            assertEquals(generator, gan.generatorLoss(fake, null).item_double(), 1e-5);
            assertTrue(Math.abs(r[0]) < 100, "a spectrally normalised score stays moderate: " + r[0]);
        }
    }

    @Test
    void spectralNormKeepsTheDiscriminatorOneLipschitzPerLayer() {
        try (PointerScope scope = new PointerScope()) {
            Gan gan = gan(ModelKind.SNGAN, new ImageShape(1, 28, 28), 0);
            TensorVector params = gan.discriminatorParameters();
            try (NoGradGuard noGrad = new NoGradGuard()) {
                for (long i = 0; i < params.size(); i++) {
                    params.get(i).mul_(Tensors.scalar(50.0));   // blow every weight up
                }
            }
            Tensor x = torch.rand(8, 1, 28, 28);
            Tensor y = x.add(torch.randn(8, 1, 28, 28).mul(Tensors.scalar(0.01)));
            for (int i = 0; i < 30; i++) {
                gan.score(x, null);   // power iterations converge in training mode
            }
            // Each layer is at most 1-Lipschitz (leaky ReLU too), so scores move no more than inputs.
            double scoreGap = gan.score(x, null).sub(gan.score(y, null)).abs().max().item_double();
            double inputGap = x.sub(y).flatten(1, -1).square().sum(1).sqrt().max().item_double();
            assertTrue(scoreGap <= inputGap * 1.05, scoreGap + " > " + inputGap);
        }
    }

    @Test
    void theDiscriminatorsScoreDependsOnTheLabel() {
        try (PointerScope scope = new PointerScope()) {
            Gan gan = gan(ModelKind.WGAN_GP, new ImageShape(1, 28, 28), 3);
            Tensor images = torch.rand(1, 1, 28, 28);
            double a = gan.score(images, Tensors.labels(gan.config(), new int[]{0}, 1)).item_double();
            double b = gan.score(images, Tensors.labels(gan.config(), new int[]{2}, 1)).item_double();
            org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
        }
    }
}
