package dev.regen.anomaly;

import dev.regen.RegenException;
import dev.regen.TestData;
import dev.regen.WorkProgress;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.data.ImageDataset;
import dev.regen.data.Subset;
import dev.regen.eval.VaeEvaluator;
import dev.regen.model.Vae;
import dev.regen.nn.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnomalyScorerTest {
    private static final WorkProgress QUIET = (done, total) -> { };

    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    private static ImageDataset images(int n) {
        return new Subset(TestData.fashionTest(), IntStream.range(0, n).toArray(), "first " + n);
    }

    @Test
    void perImageScoresAgreeWithTheBoundsAndAreSeeded() {
        Vae vae = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 28, 28), 16, Likelihood.LOGISTIC, 32));
        ImageDataset data = images(150);
        Map<AnomalyScore, double[]> scores = AnomalyScorer.scores(vae, data, EnumSet.allOf(AnomalyScore.class), 4, 3,
                PathwayWhitening.fit(vae, images(40), 1), QUIET);
        assertEquals(150, scores.get(AnomalyScore.RECONSTRUCTION).length);
        double meanElbo = Arrays.stream(scores.get(AnomalyScore.ELBO)).average().orElseThrow();
        // The same seed draws the same posterior samples as the averaged ELBO.
        assertEquals(VaeEvaluator.elbo(vae, data, 3).negativeElbo(), meanElbo, 1e-3 * Math.abs(meanElbo));
        double meanNll = Arrays.stream(scores.get(AnomalyScore.IWAE)).average().orElseThrow();
        assertEquals(VaeEvaluator.importanceSampled(vae, data, 4, 3, QUIET).nll(), meanNll, 1e-3 * Math.abs(meanNll));
        assertArrayEquals(scores.get(AnomalyScore.IWAE),
                AnomalyScorer.scores(vae, data, EnumSet.of(AnomalyScore.IWAE), 4, 3, null, QUIET).get(AnomalyScore.IWAE));
        for (int i = 0; i < 150; i++) {
            assertTrue(scores.get(AnomalyScore.RECONSTRUCTION)[i] >= 0);
            // RaPP adds the encoder layers' squared errors to the pixels': an untrained encoder's activations of
            // an image and of its blurry reconstruction differ.
            assertTrue(scores.get(AnomalyScore.PATHWAY)[i] > scores.get(AnomalyScore.RECONSTRUCTION)[i] + 1e-3,
                    "pathway " + scores.get(AnomalyScore.PATHWAY)[i]);
            // Serra et al.'s score is the NLL in bits less a positive PNG length of at most the raw 8-bit image
            // plus the file's headers.
            double pngBits = scores.get(AnomalyScore.IWAE)[i] / Math.log(2) - scores.get(AnomalyScore.COMPLEXITY)[i];
            assertTrue(pngBits > 0 && pngBits < 8 * (784 + 200), "PNG bits " + pngBits);
        }
    }

    @Test
    void theWhitenedPathwayOfTheFittedImagesSumsToTheirRank() {
        ImageShape shape = new ImageShape(1, 28, 28);
        ImageDataset normal = images(40);
        Vae vae = new Vae(ModelConfig.convVae(shape));
        for (Vae each : List.of(vae, new Vae(new ModelConfig(ModelKind.MLP_VAE, shape, 8, Likelihood.BERNOULLI, 64)),
                new Vae(new ModelConfig(ModelKind.CONV_VAE, shape, 8, Likelihood.BERNOULLI, 16, 10)))) {
            PathwayWhitening whitening = PathwayWhitening.fit(each, normal, 1);
            // Centred differences X = U S V^T: image i's whitened squared norm is sum_j U_ij^2, and U's kept
            // columns are orthonormal, so over the fitted images the scores sum to the number kept (at most
            // 39 after centring 40 rows).
            String model = each.config().kind().id() + (each.config().conditional() ? ", conditional" : "");
            assertTrue(whitening.components() > 30 && whitening.components() <= 39,
                    model + " kept " + whitening.components());
            double[] scores = AnomalyScorer.scores(each, normal, EnumSet.of(AnomalyScore.WHITENED_PATHWAY), 1, 3,
                    whitening, QUIET).get(AnomalyScore.WHITENED_PATHWAY);
            assertEquals(whitening.components(), Arrays.stream(scores).sum(), 1e-2 * whitening.components(), model);
        }
        RegenException unfitted = assertThrows(RegenException.class, () -> AnomalyScorer.scores(vae, normal,
                EnumSet.of(AnomalyScore.WHITENED_PATHWAY), 1, 3, null, QUIET));
        assertTrue(unfitted.getMessage().contains("needs normal images to fit on"), unfitted.getMessage());
    }

    @Test
    void theComplexityScoreNeedsALikelihoodOverEightBitLevels() {
        Vae bernoulli = new Vae(ModelConfig.convVae(new ImageShape(1, 28, 28)));
        RegenException refused = assertThrows(RegenException.class, () -> AnomalyScorer.scores(bernoulli, images(10),
                EnumSet.of(AnomalyScore.ELBO, AnomalyScore.COMPLEXITY), 4, 3, null, QUIET));
        assertTrue(refused.getMessage().contains("--likelihood logistic"), refused.getMessage());
    }

    @Test
    void aFlatImageIsSimplerThanNoise() {
        ImageShape shape = new ImageShape(3, 16, 16);
        float[] flat = new float[shape.size()];
        Arrays.fill(flat, 1f);
        Random random = new Random(1);
        float[] noise = new float[shape.size()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextFloat();
        }
        double flatBits = PngComplexity.bits(flat, shape);
        assertTrue(flatBits < PngComplexity.bits(noise, shape) / 4, "flat image " + flatBits + " bits");
    }
}
