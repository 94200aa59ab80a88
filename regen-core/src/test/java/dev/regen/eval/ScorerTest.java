package dev.regen.eval;

import dev.regen.eval.metric.GenerationScore;
import dev.regen.TestData;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.data.ArrayDataset;
import dev.regen.data.DataSource;
import dev.regen.data.Split;
import dev.regen.data.Subset;
import dev.regen.model.Classifier;
import dev.regen.model.Gan;
import dev.regen.model.SavedModel;
import dev.regen.nn.Torch;
import dev.regen.train.Run;
import dev.regen.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A classifier trained on real images, and the scores it gives: near zero for real against real, far for noise. */
class ScorerTest {
    @TempDir
    static Path temp;
    static Classifier classifier;
    static Run.Result run;

    @BeforeAll
    static void trainClassifier() {
        Torch.start(2);
        Path folder = TestData.smallIdxFolder(temp.resolve("data"), 3000, 1000);
        DataConfig data = DataConfig.of(folder.toString());
        Split split = DataSource.prepare(data, 1L).split();
        ModelConfig config = new ModelConfig(ModelKind.CLASSIFIER, split.train().shape(), 64, Likelihood.BERNOULLI, 16,
                10);
        run = Run.start(config, TrainConfig.builder().epochs(2).batchSize(64).learningRate(1e-3)
                .seed(1L).threads(2).build(), data, split, temp.resolve("clf"),
                "test", new TrainingListener() { });
        classifier = SavedModel.load(run.files().model()).classifier();
    }

    @Test
    void theClassifierLearnsRealLabels() {
        double accuracy = run.history().get(1).test().get("accuracy");
        assertTrue(accuracy > 0.7, "test accuracy after 2 epochs on 3,000 images: " + accuracy);
        assertTrue(run.summary().contains("test accuracy"), run.summary());
    }

    @Test
    void twoHalvesOfTheRealTestSetScoreCloseAndNoiseScoresFar() {
        ArrayDataset test = TestData.fashionTest();
        int d = classifier.config().latent();
        float[] first = ClassifierEvaluator.features(classifier, new Subset(test, IntStream.range(0, 1000).toArray(), "a"));
        float[] second = ClassifierEvaluator.features(classifier,
                new Subset(test, IntStream.range(1000, 2000).toArray(), "b"));
        Random random = new Random(1);
        float[] noisePixels = new float[1000 * 784];
        for (int i = 0; i < noisePixels.length; i++) {
            noisePixels[i] = random.nextFloat();
        }
        float[] noise = ClassifierEvaluator.features(classifier,
                new ArrayDataset(new ImageShape(1, 28, 28), noisePixels, null, "noise"));
        GenerationScore real = Scorer.compare(first, second, d, 1, new double[0]);
        GenerationScore fake = Scorer.compare(first, noise, d, 1, new double[0]);
        assertTrue(real.frechet() * 20 < fake.frechet(), real.frechet() + " vs noise " + fake.frechet());
        assertTrue(real.kernelDistance() * 20 < fake.kernelDistance(),
                real.kernelDistance() + " vs noise " + fake.kernelDistance());
        assertTrue(real.precision() > 0.8 && real.recall() > 0.8, real.toString());
        // Noise covers none of the real manifold. (Its precision is not asserted: a few outlying real
        // images have k-NN balls wide enough to take in noise, a known weakness of the measure.)
        assertTrue(fake.recall() < 0.05, fake.toString());
    }

    @Test
    void imagesFromAnyToolAreScoredWithTheirLabelsAccuracy() {
        ArrayDataset test = TestData.fashionTest();
        Subset second = new Subset(test, IntStream.range(1000, 2000).toArray(), "b");
        GenerationScore real = Scorer.scoreImages(second, classifier, test, 1000, 1);
        assertEquals(1000, real.images());
        assertEquals(10, real.labelAccuracy().length, "the real images' own labels");
        double meanAccuracy = java.util.Arrays.stream(real.labelAccuracy()).average().orElseThrow();
        assertTrue(meanAccuracy > 0.6, "the classifier recognises real images: " + meanAccuracy);
        GenerationScore same = Scorer.scoreImages(second, classifier, second, 1000, 1);
        assertEquals(0, same.frechet(), 1e-2, "a set against itself");
        assertTrue(same.frechet() < real.frechet(), same.frechet() + " against " + real.frechet());
        var e = assertThrows(dev.regen.RegenException.class, () -> Scorer.scoreImages(
                new ArrayDataset(new ImageShape(3, 28, 28), new float[3 * 784], null, "colour"), classifier, test, 1, 1));
        assertEquals("the classifier was trained on 1x28x28 images; the generated images are 3x28x28", e.getMessage());
    }

    @Test
    void aConditionalModelGetsOneAccuracyPerLabelAndAMismatchedShapeIsRefused() {
        Torch.seed(1);
        Gan gan = new Gan(new ModelConfig(ModelKind.DCGAN, new ImageShape(1, 28, 28), 8, Likelihood.BERNOULLI, 8, 10));
        GenerationScore score = Scorer.score(gan, classifier, TestData.fashionTest(), 200, 1);
        assertEquals(10, score.labelAccuracy().length);
        assertEquals(200, score.images());
        Gan other = new Gan(new ModelConfig(ModelKind.DCGAN, new ImageShape(3, 32, 32), 8, Likelihood.BERNOULLI, 8));
        var e = assertThrows(dev.regen.RegenException.class,
                () -> Scorer.score(other, classifier, TestData.fashionTest(), 10, 1));
        assertEquals("the classifier was trained on 1x28x28 images; the model makes 3x32x32 images", e.getMessage());
    }
}
