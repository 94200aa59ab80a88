package dev.regen.restore;

import dev.regen.RegenException;
import dev.regen.TestData;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.config.TrainConfig;
import dev.regen.data.ImageDataset;
import dev.regen.data.Subset;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Corruptions;
import dev.regen.data.damage.Damaged;
import dev.regen.data.damage.Downsampling;
import dev.regen.data.damage.GaussianNoise;
import dev.regen.data.damage.Mask;
import dev.regen.model.Gan;
import dev.regen.model.Vae;
import dev.regen.nn.Torch;
import dev.regen.train.Run;
import dev.regen.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restoration with conv VAEs trained briefly on the shipped sample, one on clean images and one
 * for inpainting (masked inputs, clean targets): the short version of the benchmark in
 * docs/BENCHMARKS.md, with looser bounds.
 */
class RestorationTest {
    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);
    private static final RestoreSettings QUICK = new RestoreSettings(2, 60, 0.05, 4, 3);

    @TempDir
    static Path temp;
    static Vae vae;
    static Vae inpainter;
    static ImageDataset test;
    static TestData.Prepared data;

    @BeforeAll
    static void trainTwoVaes() {
        Torch.start(2);
        data = TestData.prepared(temp.resolve("data"), 5000, 100, 1L);
        TrainConfig training = TrainConfig.builder().epochs(3).batchSize(64).learningRate(2e-3).seed(1L).threads(2).build();
        vae = train(data, training, "clean");
        inpainter = train(data, training.toBuilder().inputDamage(Corruptions.parse("box:14")).build(), "inpaint");
        test = new Subset(data.split().test(), IntStream.range(0, 40).toArray(), "first 40");
    }

    private static Vae train(TestData.Prepared data, TrainConfig training, String name) {
        Run.Result run = Run.start(ModelConfig.convVae(SHAPE), training, data.config(), data.split(), temp.resolve(name),
                "test", new TrainingListener() { });
        return dev.regen.model.SavedModel.load(run.files().model()).vae();
    }

    private static RestoreEvaluator.Report evaluate(Vae model, String corruption, Method... methods) {
        return RestoreEvaluator.evaluate(model, test, Corruptions.parse(corruption), List.of(methods), QUICK, 40, 3L,
                (done, total) -> { });
    }

    private static double gainOverBestBaseline(RestoreEvaluator.Report report) {
        int baselines = ClassicalBaselines.forCorruption(report.corruption()).size();
        return report.rows().get(report.bestModelMethod(baselines)).psnr()
                - report.rows().get(report.bestBaseline(baselines)).psnr();
    }

    @Test
    void aVaeTrainedToInpaintBeatsTheClassicalMethodsAndKeepsTheKnownPixels() {
        RestoreEvaluator.Report report = evaluate(inpainter, "box:14", Method.PROJECTION, Method.OPTIMISATION);
        double damaged = report.rows().get(0).psnr();
        for (RestoreEvaluator.Row row : report.rows().subList(1, report.rows().size())) {
            assertTrue(row.psnr() > damaged + 3, report.rows() + " against the damaged input at " + damaged);
        }
        assertTrue(gainOverBestBaseline(report) > 0.5, report.rows().toString());
        float[] restored = report.restored().get(report.rows().size() - 1);
        float[] known = new Mask.CentreBox(14).known(28, 28, 0L);
        for (int i = 0; i < 40; i++) {
            for (int p = 0; p < 784; p++) {
                if (known[p] == 1f) {
                    assertEquals(report.originals()[i * 784 + p], restored[i * 784 + p], 1e-6);
                }
            }
        }
    }

    @Test
    void superResolutionBeatsBicubicAndAgreesWithTheLowResolutionImage() {
        RestoreEvaluator.Report report = evaluate(vae, "down:2", Method.PROJECTION);
        assertTrue(gainOverBestBaseline(report) > 0.5, report.rows().toString());
        float[] restored = report.restored().get(report.rows().size() - 1);
        Downsampling down = new Downsampling(2);
        double error = 0;
        for (int i = 0; i < 40; i++) {
            float[] again = down.apply(restored, i * 784, SHAPE, 0L).pixels();
            float[] observed = down.apply(report.originals(), i * 784, SHAPE, 0L).pixels();
            for (int p = 0; p < again.length; p++) {
                error += Math.abs(observed[p] - again[p]) / (40.0 * again.length);
            }
        }
        // Equal but where clamping to [0, 1] cut a block's correction short.
        assertTrue(error < 0.005, "mean block error " + error);
    }

    @Test
    void imagesOfAnotherSizeAreResizedForTheModelAndBackAndSaySo() {
        ImageShape own = new ImageShape(1, 20, 24);
        float[] original = dev.regen.data.PixelOps.convert(test.read(0), SHAPE, own);
        float[] noisy = new GaussianNoise(0.3).apply(original, 0, own, 4L).pixels();
        ImageRestorer restorer = new ImageRestorer(vae, GaussianNoise.of(0.3), Method.PROJECTION, QUICK);
        ImageRestorer.Output out = restorer.restore(List.of(new ImageRestorer.Input("odd", noisy, own)), 1L,
                (d, t) -> { }).get(0);
        assertEquals(own, out.shape());
        assertEquals(own, out.resizedFrom());
        assertEquals(SHAPE, out.resizedTo());
        double restored = dev.regen.eval.metric.ImageQuality.psnr(original, out.restored(), 0, own);
        double damaged = dev.regen.eval.metric.ImageQuality.psnr(original, noisy, 0, own);
        assertTrue(restored > damaged + 1, restored + " dB restored against " + damaged + " dB damaged");

        ImageShape small = new ImageShape(1, 14, 14);
        float[] low = new Downsampling(2).apply(test.read(1), 0, SHAPE, 0L).pixels();
        ImageRestorer.Output larger = new ImageRestorer(vae, Downsampling.of(2), Method.PROJECTION, QUICK)
                .restore(List.of(new ImageRestorer.Input("low", low, small)), 1L, (d, t) -> { }).get(0);
        assertEquals(SHAPE, larger.shape());
        assertEquals(null, larger.resizedFrom());
    }

    @Test
    void posteriorSamplesDifferFromEachOtherAndTheirMeanIsTheRestoration() {
        Corruption box = Corruptions.parse("box:14");
        float[] originals = test.read(0, 1);
        List<Damaged> damaged = List.of(box.apply(originals, 0, SHAPE, 1L), box.apply(originals, 784, SHAPE, 2L));
        Restoration.Result result = new Restoration(vae, box, Method.POSTERIOR, QUICK).run(damaged, 5L, (d, t) -> { });
        assertEquals(4, result.samplesPerImage());
        assertEquals(2 * 4 * 784, result.samples().length);
        double spread = 0;
        for (int p = 0; p < 784; p++) {
            double mean = 0;
            for (int s = 0; s < 4; s++) {
                mean += result.samples()[s * 784 + p] / 4.0;
                spread += Math.abs(result.samples()[s * 784 + p] - result.samples()[p]);
            }
            assertEquals(mean, result.restored()[p], 1e-5);
        }
        assertTrue(spread > 1.0, "samples are all the same: " + spread);
        float[] again = new Restoration(vae, box, Method.POSTERIOR, QUICK).run(damaged, 5L, (d, t) -> { }).restored();
        assertEquals(java.util.Arrays.toString(result.restored()), java.util.Arrays.toString(again), "seeded");
    }

    @Test
    void latentOptimisationWorksWithAGanGeneratorAndLowersTheMisfit() {
        ModelConfig config = new ModelConfig(dev.regen.config.ModelKind.DCGAN, SHAPE, 8,
                dev.regen.config.Likelihood.BERNOULLI, 8, 0);
        Run.Result run = Run.start(config, TrainConfig.builder().epochs(1).batchSize(64).learningRate(2e-4)
                .seed(1L).threads(2).build(), data.config(), data.split(),
                temp.resolve("gan"), "test", new TrainingListener() { });
        Gan gan = (Gan) dev.regen.model.SavedModel.load(run.files().model()).generative();
        Corruption noise = new GaussianNoise(0.1);
        float[] originals = test.read(0, 1, 2);
        List<Damaged> damaged = IntStream.range(0, 3).mapToObj(i -> noise.apply(originals, i * 784, SHAPE, i)).toList();
        double oneStep = fit(gan, noise, damaged, new RestoreSettings(1, 1, 0.05, 1, 1));
        double searched = fit(gan, noise, damaged, new RestoreSettings(1, 80, 0.05, 1, 1));
        // A one-epoch width-8 GAN can fit little of any image; what counts is that the search moves
        // its codes towards the observation (the same seed gives both runs the same start).
        assertTrue(searched > oneStep + 0.3, "PSNR against the observation: " + oneStep + " -> " + searched);
    }

    /** Mean PSNR of the generator's restorations against the damaged images they were fitted to. */
    private static double fit(Gan gan, Corruption noise, List<Damaged> damaged, RestoreSettings settings) {
        float[] restored = new Restoration(gan, noise, Method.OPTIMISATION, settings).run(damaged, 1L, (d, t) -> { })
                .restored();
        double psnr = 0;
        for (int i = 0; i < damaged.size(); i++) {
            float[] image = java.util.Arrays.copyOfRange(restored, i * 784, (i + 1) * 784);
            psnr += dev.regen.eval.metric.ImageQuality.psnr(damaged.get(i).pixels(), image, 0, SHAPE) / damaged.size();
        }
        return psnr;
    }

    @Test
    void aGanHasNoEncoderToProjectWithAndImagesMustHaveTheDamagedShape() {
        Gan gan = new Gan(new ModelConfig(dev.regen.config.ModelKind.DCGAN, SHAPE, 8,
                dev.regen.config.Likelihood.BERNOULLI, 8, 0));
        RegenException e = assertThrows(RegenException.class,
                () -> new Restoration(gan, new GaussianNoise(0.1), Method.PROJECTION, QUICK));
        assertTrue(e.getMessage().contains("no encoder"), e.getMessage());
        assertFalse(e.getMessage().contains("--"), "core speaks of settings, not flags: " + e.getMessage());
        Restoration superres = new Restoration(vae, new Downsampling(2), Method.PROJECTION, QUICK);
        Damaged full = new Damaged(new float[784], SHAPE, null);
        RegenException shape = assertThrows(RegenException.class, () -> superres.run(List.of(full), 1L, (d, t) -> { }));
        assertTrue(shape.getMessage().contains("needs damaged images of 1x14x14"), shape.getMessage());
        assertFalse(gan.config().conditional());
    }
}
