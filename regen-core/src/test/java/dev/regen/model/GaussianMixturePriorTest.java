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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianMixturePriorTest {
    // Two components in two dimensions: weights 1/4 and 3/4, means (-3, 0) and (3, 1), variances (1, 4) and (1/4, 1).
    private static final float[] MEANS = {-3f, 0f, 3f, 1f};
    private static final float[] LOG_VARS = {0f, (float) Math.log(4), (float) Math.log(0.25), 0f};
    private static final float[] WEIGHT_LOGITS = {0f, (float) Math.log(3)};

    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    @Test
    void logProbIsTheMixtureDensityComputedTermByTerm() {
        try (PointerScope scope = new PointerScope()) {
            GaussianMixturePrior prior = knownMixture();
            float[] codes = {0.5f, -1f, 2.5f, 1.5f, -4f, 3f};
            float[] logp = Tensors.floats(prior.logProb(Tensor.create(codes, 3, 2)));
            for (int i = 0; i < 3; i++) {
                double density = 0;
                for (int c = 0; c < 2; c++) {
                    double weight = c == 0 ? 0.25 : 0.75;
                    double component = 1;
                    for (int d = 0; d < 2; d++) {
                        double variance = Math.exp(LOG_VARS[2 * c + d]);
                        double diff = codes[2 * i + d] - MEANS[2 * c + d];
                        component *= Math.exp(-diff * diff / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
                    }
                    density += weight * component;
                }
                assertEquals(Math.log(density), logp[i], 1e-4, "code " + i);
            }
        }
    }

    @Test
    void samplesFollowTheWeightsMeansAndVariances() {
        try (PointerScope scope = new PointerScope()) {
            Torch.seed(3);
            float[] z = Tensors.floats(knownMixture().sample(40_000));
            int right = 0;
            double sumY = 0;
            double sumSquaresRight = 0;
            for (int i = 0; i < z.length; i += 2) {
                if (z[i] > 1) {
                    right++;
                    sumSquaresRight += (z[i] - 3) * (z[i] - 3);
                }
                sumY += z[i + 1];
            }
            assertEquals(0.75, right / 40_000.0, 0.01, "share of the second component");
            assertEquals(0.25, sumSquaresRight / right, 0.01, "variance of its first coordinate");
            assertEquals(0.75, sumY / 40_000, 0.03, "mean of the second coordinate");
        }
    }

    @Test
    void aVaeWithAMixturePriorTrainsOnItsBoundAndUsesThePriorForWeightsAndSamples() {
        try (PointerScope scope = new PointerScope()) {
            Torch.seed(5);
            Vae vae = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 12, 12), 4, Likelihood.BERNOULLI,
                    8, 0, 10));
            Tensor x = torch.rand(6, 1, 12, 12).round();
            Tensor z = vae.samplePrior(7);
            assertEquals(7, z.size(0));
            assertEquals(4, z.size(1));
            assertTrue(Double.isFinite(vae.loss(x, null, 1.0, 0.0).total().item_double()));
            // With one sample, the importance weight is log p(x|z) + log p(z) - log q(z|x): the
            // mixture's log p(z) must enter, so moving the prior's means moves the weights.
            Torch.seed(9);
            float[] before = Tensors.floats(vae.logImportanceWeights(x, null, 3));
            try (NoGradGuard noGrad = new NoGradGuard()) {
                vae.named_parameters().get("prior.means").add_(Tensors.scalar(5.0));
            }
            Torch.seed(9);
            float[] after = Tensors.floats(vae.logImportanceWeights(x, null, 3));
            for (int i = 0; i < before.length; i++) {
                assertTrue(after[i] < before[i] - 1, "weights fall when the prior moves away: " + i);
            }
        }
    }

    private static GaussianMixturePrior knownMixture() {
        GaussianMixturePrior prior = new GaussianMixturePrior(2, 2);
        TensorVector p = prior.parameters();
        try (NoGradGuard noGrad = new NoGradGuard()) {
            p.get(0).copy_(Tensor.create(MEANS, 2, 2));
            p.get(1).copy_(Tensor.create(LOG_VARS, 2, 2));
            p.get(2).copy_(Tensor.create(WEIGHT_LOGITS, 2));
        }
        return prior;
    }
}
