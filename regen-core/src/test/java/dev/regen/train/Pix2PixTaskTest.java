package dev.regen.train;

import dev.regen.config.DataConfig;
import dev.regen.config.FeatureNorm;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.config.TranslationDirection;
import dev.regen.data.DataSource;
import dev.regen.data.Split;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Corruptions;
import dev.regen.data.damage.Damaged;
import dev.regen.model.Pix2Pix;
import dev.regen.model.SavedModel;
import dev.regen.nn.StateBytes;
import dev.regen.nn.Torch;
import dev.regen.nn.WeightAverage;
import dev.regen.restore.ImageRestorer;
import dev.regen.restore.Method;
import dev.regen.restore.Restoration;
import dev.regen.restore.RestoreEvaluator;
import dev.regen.restore.RestoreSettings;
import dev.regen.sample.Sampler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pix2pix on real pairs, the sample of both emoji designs that ships in data/, and as a
 * restoration network on its Noto images; at 32x32 for speed.
 */
class Pix2PixTaskTest {
    private static final Path EMOJI = Path.of("..", "data", "emoji");

    @TempDir
    static Path temp;
    static DataConfig dataConfig;
    static DataSource.Prepared data;

    @BeforeAll
    static void data() {
        Torch.start(2);
        dataConfig = new DataConfig(EMOJI.resolve("google").toString(), 3, 32, 32, null, 0.1, false, null, null, 0,
                null, EMOJI.resolve("twitter").toString(), false, 0);
        data = DataSource.prepare(dataConfig, 1);
    }

    private static ModelConfig model(FeatureNorm norm) {
        return ModelConfig.translator(ModelKind.PIX2PIX, data.targetShape(), data.inputChannels(), 8, norm);
    }

    @Test
    void thePairsAreTheSameEmojiInBothDesignsStackedAsChannels() {
        Split split = data.split();
        assertEquals(new ImageShape(6, 32, 32), split.train().shape());
        assertEquals(3, data.inputChannels());
        assertEquals(400, split.train().size());
        assertEquals(95, split.test().size(), "the test/ sub-folders pair on their own");
    }

    @Test
    void trainingRaisesTheHeldOutPairsPsnrWellAboveTheUntrainedGenerators() {
        TrainConfig training = TrainConfig.builder().epochs(3).batchSize(8).learningRate(2e-4).seed(3L).threads(2)
                .build();
        Torch.seed(3L);
        double untrained = new Pix2PixTask(new Pix2Pix(model(FeatureNorm.INSTANCE)), training)
                .evaluate(data.split().test(), 1).get("psnr");
        Run.Result run = Run.start(model(FeatureNorm.INSTANCE), training, dataConfig, data.split(),
                temp.resolve("trained"), "test", new TrainingListener() { });
        double trained = run.history().get(2).test().get("psnr");
        assertTrue(trained > untrained + 2, "PSNR " + untrained + " dB untrained, " + trained + " after 3 epochs");
        assertTrue(run.summary().contains("rows: test inputs, their translations, the targets"), run.summary());
    }

    @Test
    void weighingSsimRaisesTheHeldOutPairsSsimAboveTheL1RunsFromTheSameStart() {
        TrainConfig l1 = TrainConfig.builder().epochs(3).batchSize(8).learningRate(2e-4).seed(3L).threads(2).build();
        Map<String, Double> plain = Run.start(model(FeatureNorm.INSTANCE), l1, dataConfig, data.split(),
                temp.resolve("l1"), "test", new TrainingListener() { }).history().get(2).test();
        Run.Result weighed = Run.start(model(FeatureNorm.INSTANCE), l1.toBuilder().lambdaSsim(100).build(), dataConfig,
                data.split(), temp.resolve("ssim"), "test", new TrainingListener() { });
        double ssim = weighed.history().get(2).test().get("ssim");
        assertTrue(ssim > plain.get("ssim") + 0.01, "held-out SSIM " + plain.get("ssim") + " with L1, " + ssim
                + " with the SSIM term too");
        assertTrue(weighed.summary().contains(String.format(java.util.Locale.ROOT, "SSIM %.4f", ssim)),
                weighed.summary());
    }

    @Test
    void trainedForATaskOnCleanImagesAloneItRestoresThemAsTheRestoreMethodDoes() {
        DataConfig clean = new DataConfig(EMOJI.resolve("google").toString(), 3, 32, 32, null, 0.1, false, null, null,
                0, null, null, false, 0);
        Split split = DataSource.prepare(clean, 1).split();
        Corruption noise = Corruptions.parse("noise:0.2");
        TrainConfig training = TrainConfig.builder().epochs(3).batchSize(8).learningRate(2e-4).seed(3L).threads(2)
                .inputDamage(noise).build();
        ModelConfig model = ModelConfig.translator(ModelKind.PIX2PIX, split.train().shape(), 3, 8,
                FeatureNorm.INSTANCE);
        Torch.seed(3L);
        double untrained = new Pix2PixTask(new Pix2Pix(model), training).evaluate(split.test(), 3L).get("psnr");
        Run.Result run = Run.start(model, training, clean, split, temp.resolve("denoiser"), "test",
                new TrainingListener() { });
        double trained = run.history().get(2).test().get("psnr");
        assertTrue(trained > untrained + 2, "PSNR " + untrained + " dB untrained, " + trained + " after 3 epochs");
        assertTrue(run.summary().contains("rows: damaged test images, their restorations, the originals"),
                run.summary());

        // The network method sees each test image damaged by the same seed as the epoch's report did.
        Pix2Pix denoiser = (Pix2Pix) SavedModel.load(temp.resolve("denoiser/model.regen")).model();
        RestoreEvaluator.Report report = RestoreEvaluator.evaluate(denoiser, split.test(), noise,
                List.of(Method.NETWORK), RestoreSettings.defaults(), split.test().size(), 3L, (done, total) -> { });
        RestoreEvaluator.Row network = report.rows().get(report.rows().size() - 1);
        assertEquals("network", network.method());
        assertEquals(trained, network.psnr(), 1e-4);

        // Where the damage keeps pixels exactly, the restoration keeps them.
        Corruption box = Corruptions.parse("box:12");
        float[] image = split.test().read(new int[]{0});
        Damaged damaged = box.apply(image, 0, split.test().shape(), 1L);
        float[] restored = new Restoration(denoiser, box, Method.NETWORK, RestoreSettings.defaults())
                .run(List.of(damaged), 1L, (done, total) -> { }).restored();
        int plane = 32 * 32;
        for (int i = 0; i < image.length; i++) {
            if (damaged.known()[i % plane] == 1f) {
                assertEquals(image[i], restored[i], 1e-6, "known pixel " + i);
            }
        }

        // A grey image is restored in colour, each channel the grey one's, at its own size.
        float[] grey = java.util.Arrays.copyOf(image, plane);
        ImageRestorer.Output colour = new ImageRestorer(denoiser, noise, Method.NETWORK, RestoreSettings.defaults())
                .restore(List.of(new ImageRestorer.Input("grey", grey, new ImageShape(1, 32, 32))), 1L,
                        (done, total) -> { }).get(0);
        assertEquals(new ImageShape(3, 32, 32), colour.shape());
        assertEquals(null, colour.resizedFrom(), "only the channels changed");
    }

    @Test
    void keepingTheGreyInputsLightnessItsColourisationsHaveTheInputsLumaAndTrainingAddsTheColour() {
        String google = EMOJI.resolve("google").toString();
        DataConfig colourise = new DataConfig(google, 3, 32, 32, null, 0.1, false, null, null, 0, null, google, false,
                1);
        DataSource.Prepared grey = DataSource.prepare(colourise, 1);
        ModelConfig model = ModelConfig.translator(ModelKind.PIX2PIX, grey.targetShape(), 1, 8, FeatureNorm.INSTANCE)
                .keepingLightness();
        TrainConfig training = TrainConfig.builder().epochs(3).batchSize(8).learningRate(2e-4).seed(3L).threads(2)
                .build();
        Torch.seed(3L);
        double untrained = new Pix2PixTask(new Pix2Pix(model), training).evaluate(grey.split().test(), 1).get("psnr");
        Run.Result run = Run.start(model, training, colourise, grey.split(), temp.resolve("colourise"), "test",
                new TrainingListener() { });
        double trained = run.history().get(2).test().get("psnr");
        assertTrue(trained > untrained + 1, "PSNR " + untrained + " dB untrained, " + trained + " after 3 epochs");

        Pix2Pix colourist = (Pix2Pix) SavedModel.load(temp.resolve("colourise/model.regen")).model();
        assertTrue(colourist.config().keepLightness(), "the setting is saved with the model");
        int n = 16;
        int plane = 32 * 32;
        float[][] pairs = StackedImages.split(grey.split().test(), 0, n, model);
        float[] colour = Sampler.translate(colourist, pairs[0], n, TranslationDirection.A2B);
        int unsaturated = 0;
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < plane; p++) {
                float r = colour[(3 * i) * plane + p];
                float g = colour[(3 * i + 1) * plane + p];
                float b = colour[(3 * i + 2) * plane + p];
                if (Math.min(r, Math.min(g, b)) > 0 && Math.max(r, Math.max(g, b)) < 1) {
                    unsaturated++;
                    assertEquals(pairs[0][i * plane + p], 0.299 * r + 0.587 * g + 0.114 * b, 1e-5, "luma " + i);
                }
            }
        }
        // The white background is saturated.
        assertTrue(unsaturated > n * plane / 4, unsaturated + " of " + n * plane + " pixels inside the colour cube");
    }

    @Test
    void aResumedJitteredRunWithBatchNormDropoutAndAWeightAverageEndsBitForBitWhereAnUninterruptedOneDoes() {
        TrainConfig two = TrainConfig.builder().epochs(2).batchSize(16).learningRate(2e-4).seed(5L).threads(2)
                .jitter(true).emaDecay(0.9).build();
        ModelConfig model = model(FeatureNorm.BATCH);
        Run.start(model, two, dataConfig, data.split(), temp.resolve("straight"), "test", new TrainingListener() { });
        Run.start(model, two.toBuilder().epochs(1).build(), dataConfig, data.split(), temp.resolve("stopped"), "test",
                new TrainingListener() { });
        assertEquals(2, Run.resume(temp.resolve("stopped"), 2, new TrainingListener() { }).history().size());
        Pix2Pix a = (Pix2Pix) SavedModel.load(temp.resolve("straight/model.regen")).model();
        Pix2Pix b = (Pix2Pix) SavedModel.load(temp.resolve("stopped/model.regen")).model();
        assertTrue(b.buffers().size() > 0, "batch norm keeps running statistics");
        Weights.assertSame(a, b);
        // The final model is the average the checkpoint keeps beside the trained weights, not those weights.
        SavedModel checkpoint = SavedModel.load(temp.resolve("stopped/checkpoint.regen"));
        Pix2Pix trained = (Pix2Pix) checkpoint.model();
        float[] trainedWeight = Weights.snapshot(trained.generatorParameters()).get(0);
        assertNotEquals(trainedWeight[0], Weights.snapshot(b.generatorParameters()).get(0)[0]);
        WeightAverage average = new WeightAverage(trained.generatorParameters(), 0.9);
        StateBytes.load(average, RunReport.entry(checkpoint.file(), Optimizers.GENERATOR_AVERAGE));
        average.install();
        Weights.assertSame(trained, b);
    }
}
