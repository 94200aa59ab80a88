package dev.regen.model;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaeTest {
    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    @ParameterizedTest
    @CsvSource({"conv-vae,1,28,28", "conv-vae,3,32,32", "conv-vae,2,17,23", "conv-vae,3,64,48", "conv-vae,1,5,5",
            "mlp-vae,1,28,28", "mlp-vae,3,9,13"})
    void decoderReturnsTheInputShapeForAnyImageSize(String kind, int c, int h, int w) {
        try (PointerScope scope = new PointerScope()) {
            ModelConfig config = new ModelConfig(ModelKind.parse(kind), new ImageShape(c, h, w), 8,
                    Likelihood.BERNOULLI, 16);
            Vae vae = new Vae(config);
            Tensor x = torch.rand(3, c, h, w);
            Posterior q = vae.encode(x, null);
            assertArrayEquals(new long[]{3, 8}, q.mean().sizes().vec().get());
            assertArrayEquals(new long[]{3, c, h, w}, vae.decode(q.sample(), null).sizes().vec().get());
            assertArrayEquals(new long[]{3, 5}, vae.logImportanceWeights(x, null, 5).sizes().vec().get());
        }
    }

    @Test
    void aTiedDecoderSharesTheEncodersConvolutionWeightsAndLearnsThroughBoth() {
        try (PointerScope scope = new PointerScope()) {
            ImageShape shape = new ImageShape(3, 32, 24);
            ModelConfig untied = new ModelConfig(ModelKind.CONV_VAE, shape, 4, Likelihood.BERNOULLI, 8, 0, 0, false);
            ModelConfig tied = new ModelConfig(ModelKind.CONV_VAE, shape, 4, Likelihood.BERNOULLI, 8, 0, 0, true);
            Vae plain = new Vae(untied);
            Vae shared = new Vae(tied);
            // Tied transposed convolutions keep only their biases: the model is lighter by the convolutions' weights.
            long saved = 0;
            int layers = 0;
            for (; plain.named_parameters().contains("encoder.conv" + layers + ".weight"); layers++) {
                saved += plain.named_parameters().get("encoder.conv" + layers + ".weight").numel();
            }
            assertEquals(2, layers, "32x24 halves twice, to 8x6");
            assertEquals(count(plain) - saved, count(shared));
            assertTrue(Vae.architecture(tied).contains("tied to the encoder's weights"), Vae.architecture(tied));
            Tensor x = torch.rand(4, 3, 32, 24);
            Tensor loss = shared.decode(shared.encode(x, null).mean(), null).sigmoid().sub(x).square().sum();
            loss.backward();
            // The encoder's first convolution is the decoder's last transposed one: its gradient has both parts.
            Tensor firstConv = shared.named_parameters().get("encoder.conv0.weight");
            assertTrue(firstConv.grad().abs().sum().item_double() > 0);
            assertFalse(shared.named_parameters().contains("decoder.deconv0.weight"));
            RegenException gan = assertThrows(RegenException.class, () -> new ModelConfig(ModelKind.DCGAN, shape, 4,
                    Likelihood.BERNOULLI, 8, 0, 0, true));
            assertTrue(gan.getMessage().contains("belong to the conv VAE"), gan.getMessage());
        }
    }

    private static long count(Vae vae) {
        long n = 0;
        TensorVector params = vae.parameters();
        for (long i = 0; i < params.size(); i++) {
            n += params.get(i).numel();
        }
        return n;
    }

    @Test
    void klMatchesTheClosedForm() {
        try (PointerScope scope = new PointerScope()) {
            // mean 1, variance 1: KL = 1/2 mu^2 = 0.5; mean 0, variance 2: KL = 1/2 (2 - 1 - ln 2).
            Posterior q = new Posterior(Tensor.create(new float[]{1f, 0f}, 1, 2),
                    Tensor.create(new float[]{0f, (float) Math.log(2)}, 1, 2));
            float[] kl = Tensors.floats(q.klPerDimension());
            assertEquals(0.5, kl[0], 1e-6);
            assertEquals(0.5 * (1 - Math.log(2)), kl[1], 1e-6);
        }
    }

    @Test
    void bernoulliWithZeroLogitsGivesLogHalfPerPixel() {
        try (PointerScope scope = new PointerScope()) {
            Vae vae = new Vae(ModelConfig.convVae(new ImageShape(1, 8, 8)));
            Tensor x = torch.rand(2, 1, 8, 8);
            float[] logp = Tensors.floats(vae.logLikelihood(x, torch.zeros(2, 1, 8, 8)));
            assertEquals(64 * Math.log(0.5), logp[0], 1e-4);
            assertEquals(64 * Math.log(0.5), logp[1], 1e-4);
        }
    }

    @Test
    void gaussianMatchesTheClosedForm() {
        try (PointerScope scope = new PointerScope()) {
            Vae vae = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 8, 8), 4, Likelihood.GAUSSIAN, 8));
            // Mean sigmoid(0) = 0.5; x = 0.75; initial log sigma = -2.
            Tensor x = torch.full(new long[]{1, 1, 8, 8}, Tensors.scalar(0.75));
            float[] logp = Tensors.floats(vae.logLikelihood(x, torch.zeros(1, 1, 8, 8)));
            double sigma = Math.exp(-2);
            double perPixel = -0.5 * Math.pow(0.25 / sigma, 2) + 2 - 0.5 * Math.log(2 * Math.PI);
            assertEquals(64 * perPixel, logp[0], 1e-3);
        }
    }

    @Test
    void discretisedLogisticGivesTheBinMassAndTheTailsAtTheEdges() {
        try (PointerScope scope = new PointerScope()) {
            Vae vae = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 1, 3), 4, Likelihood.LOGISTIC, 8));
            float mid = 128 / 255f;
            Tensor x = Tensor.create(new float[]{0f, mid, 1f}, 1, 1, 1, 3);
            float[] logp = Tensors.floats(vae.logLikelihood(x, torch.zeros(1, 1, 1, 3)));
            double s = Math.exp(-2);
            double h = 1 / 510.0;
            double expected = Math.log(sigmoid((0 - 0.5 + h) / s))
                    + Math.log(sigmoid((mid - 0.5 + h) / s) - sigmoid((mid - 0.5 - h) / s))
                    + Math.log(1 - sigmoid((1 - 0.5 - h) / s));
            assertEquals(expected, logp[0], 1e-3);
        }
    }

    /**
     * Far below the location an inner bin's mass (5e-8 here) is below what the difference of two
     * fp32 sigmoids resolves (PixelCNN++ falls back to the density there, 3.5e-5 nats off); the
     * product form keeps the log exact.
     */
    @Test
    void discretisedLogisticIsExactFarFromTheLocation() {
        try (PointerScope scope = new PointerScope()) {
            Vae vae = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 1, 1), 4, Likelihood.LOGISTIC, 8));
            float level = 51 / 255f;
            float[] logp = Tensors.floats(vae.logLikelihood(Tensor.create(new float[]{level}, 1, 1, 1, 1),
                    Tensor.create(new float[]{1.5f}, 1, 1, 1, 1)));
            double s = Math.exp(-2);
            double h = 1 / 510.0;
            double expected = Math.log(sigmoid((level + h - 2.0) / s) - sigmoid((level - h - 2.0) / s));
            assertEquals(expected, logp[0], 5e-6);
        }
    }

    /**
     * The logistic location is the decoder output plus 0.5, unbounded: an output of 2 puts a white
     * pixel's tail mass at 1 - sigmoid((1 - h - 2.5) / s), which no location capped at 1 (a sigmoid)
     * reaches, and the mean image clamps the location to [0, 1].
     */
    @Test
    void logisticLocationIsUnboundedAndItsMeanImageClamped() {
        try (PointerScope scope = new PointerScope()) {
            Vae vae = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 1, 2), 4, Likelihood.LOGISTIC, 8));
            Tensor outputs = Tensor.create(new float[]{2f, -0.2f}, 1, 1, 1, 2);
            double s = Math.exp(-2);
            double h = 1 / 510.0;
            float[] white = Tensors.floats(vae.logLikelihood(Tensor.create(new float[]{1f}, 1, 1, 1, 1),
                    Tensor.create(new float[]{2f}, 1, 1, 1, 1)));
            assertEquals(Math.log(1 - sigmoid((1 - h - 2.5) / s)), white[0], 1e-6);
            assertTrue(white[0] > Math.log(1 - sigmoid((1 - h - 1.0) / s)), "beyond a location capped at 1");
            assertArrayEquals(new float[]{1f, 0.3f}, Tensors.floats(vae.mean(outputs)), 1e-6f);
        }
    }

    @Test
    void logisticProbabilitiesOverAllLevelsSumToOne() {
        try (PointerScope scope = new PointerScope()) {
            Vae vae = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 1, 1), 4, Likelihood.LOGISTIC, 8));
            double total = 0;
            for (int level = 0; level < 256; level++) {
                Tensor x = Tensor.create(new float[]{level / 255f}, 1, 1, 1, 1);
                total += Math.exp(Tensors.floats(vae.logLikelihood(x, torch.full(new long[]{1, 1, 1, 1},
                        Tensors.scalar(0.3))))[0]);
            }
            assertEquals(1.0, total, 1e-3);
        }
    }

    @Test
    void freeBitsChargeAtLeastLambdaNatsPerLatentDimension() {
        try (PointerScope scope = new PointerScope()) {
            Vae vae = new Vae(ModelConfig.convVae(new ImageShape(1, 28, 28)));
            Tensor x = torch.rand(8, 1, 28, 28);
            // A fresh model's posterior is close to the prior (KL per dimension far below 1 nat),
            // so with lambda = 1 every one of the 16 dimensions is charged exactly 1 nat, times beta.
            VaeLoss loss = vae.loss(x, null, 0.5, 1.0);
            double charged = loss.total().item_double() - loss.reconstruction().item_double();
            assertEquals(0.5 * 16 * 1.0, charged, 1e-3);
            VaeLoss plain = vae.loss(x, null, 0.5, 0.0);
            assertEquals(0.5 * plain.kl().item_double(),
                    plain.total().item_double() - plain.reconstruction().item_double(), 1e-4);
        }
    }

    @Test
    void aConditionalVaeDecodesEachLabelDifferentlyAndWeighsLabelledImages() {
        try (PointerScope scope = new PointerScope()) {
            Vae vae = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 28, 28), 4, Likelihood.BERNOULLI,
                    8, 3));
            Tensor z = torch.zeros(2, 4);
            float[] images = Tensors.floats(vae.decode(z, Tensors.labels(vae.config(), new int[]{0, 2}, 2)));
            boolean differ = false;
            for (int i = 0; i < 784; i++) {
                differ |= images[i] != images[784 + i];
            }
            assertTrue(differ, "the same code under two labels gives two images");
            Tensor x = torch.rand(2, 1, 28, 28);
            Tensor labels = Tensors.labels(vae.config(), new int[]{1, 2}, 2);
            assertArrayEquals(new long[]{2, 6}, vae.logImportanceWeights(x, labels, 6).sizes().vec().get());
            assertTrue(Double.isFinite(vae.loss(x, labels, 1.0, 0.0).total().item_double()));
        }
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
