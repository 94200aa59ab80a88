package dev.regen.train;

import dev.regen.RegenException;
import dev.regen.TestData;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.config.LearningRateSchedule;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelKind;
import dev.regen.config.Precision;
import dev.regen.config.TrainingState;
import dev.regen.data.Binarized;
import dev.regen.data.ImageDataset;
import dev.regen.data.Subset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import dev.regen.config.ModelConfig;
import dev.regen.config.TrainConfig;
import dev.regen.data.Split;
import dev.regen.eval.VaeEvaluator;
import dev.regen.io.ModelFile;
import dev.regen.model.SavedModel;
import dev.regen.model.Vae;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.pytorch.TensorVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaeRunTest {
    private static final TrainConfig TWO_EPOCHS = TrainConfig.builder().epochs(2).batchSize(64).learningRate(1e-3)
            .seed(7L).threads(2).build();

    @TempDir
    static Path temp;
    static DataConfig dataConfig;
    static Split data;

    @BeforeAll
    static void data() {
        Torch.start(2);
        TestData.Prepared prepared = TestData.prepared(temp.resolve("data"), 1500, 300, 7L);
        dataConfig = prepared.config();
        data = prepared.split();
    }

    private static ModelConfig model() {
        return ModelConfig.convVae(new ImageShape(1, 28, 28));
    }

    @Test
    void trainingOnRealImagesLowersTheTestElboAndWritesTheRunFolder() {
        Torch.seed(7L);
        double untrained = VaeEvaluator.elbo(new Vae(model()), data.test(), 7L).negativeElbo();
        Run.Result result = Run.start(model(), TWO_EPOCHS, dataConfig, data, temp.resolve("run"), "test",
                new TrainingListener() { });
        assertEquals(2, result.history().size());
        double trained = result.history().get(1).test().get("-elbo");
        assertTrue(trained < untrained - 100, "test -ELBO " + trained + " vs untrained " + untrained);
        assertTrue(trained < result.history().get(0).test().get("-elbo"));
        assertTrue(result.summary().contains("test -ELBO"), result.summary());
        RunFiles files = result.files();
        for (Path p : new Path[]{files.checkpoint(), files.model(), files.metrics(), files.samples(),
                files.reconstructions(), files.interpolation(), files.lossCurve(), files.summary(),
                files.epochSamples().resolve("epoch-002.png")}) {
            assertTrue(Files.isRegularFile(p), p + " missing");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aStoppedAndResumedRunEndsWithTheSameWeightsBitForBit(boolean iwaeOnBinarizedImages) throws Exception {
        TrainConfig training = iwaeOnBinarizedImages ? TWO_EPOCHS.toBuilder().iwaeSamples(3).binarize(true).build() : TWO_EPOCHS;
        Path straightRun = temp.resolve("straight-" + iwaeOnBinarizedImages);
        Path stoppedRun = temp.resolve("stopped-" + iwaeOnBinarizedImages);
        Run.start(model(), training, dataConfig, data, straightRun, "test", new TrainingListener() { });
        Run.start(model(), training.toBuilder().epochs(1).build(), dataConfig, data, stoppedRun, "test", new TrainingListener() { });
        Run.Result resumed = Run.resume(stoppedRun, 2, new TrainingListener() { });
        assertEquals(2, resumed.history().size());
        assertArrayEquals(weights(straightRun.resolve("model.regen")), weights(stoppedRun.resolve("model.regen")));
        assertEquals(Files.readString(straightRun.resolve("metrics.jsonl")).lines().count(),
                Files.readString(stoppedRun.resolve("metrics.jsonl")).lines().count());
    }

    @Test
    void aBf16RunLearnsAsTheFp32RunDoesInOtherNumbersAndResumesBitForBit() throws Exception {
        TrainConfig bf16 = TWO_EPOCHS.toBuilder().precision(Precision.BF16).build();
        Path fp32Run = temp.resolve("fp32");
        Path straightRun = temp.resolve("bf16-straight");
        Path stoppedRun = temp.resolve("bf16-stopped");
        double fp32 = Run.start(model(), TWO_EPOCHS, dataConfig, data, fp32Run, "test", new TrainingListener() { })
                .history().get(1).test().get("-elbo");
        double half = Run.start(model(), bf16, dataConfig, data, straightRun, "test", new TrainingListener() { })
                .history().get(1).test().get("-elbo");
        assertTrue(Math.abs(half - fp32) < 0.05 * fp32, "bf16 " + half + " against fp32 " + fp32);
        assertFalse(Arrays.equals(weights(fp32Run.resolve("model.regen")), weights(straightRun.resolve("model.regen"))),
                "autocast changed nothing");
        Run.start(model(), bf16.toBuilder().epochs(1).build(), dataConfig, data, stoppedRun, "test",
                new TrainingListener() { });
        Run.resume(stoppedRun, 2, new TrainingListener() { });
        assertArrayEquals(weights(straightRun.resolve("model.regen")), weights(stoppedRun.resolve("model.regen")));
    }

    @Test
    void aRunKilledAfterItsLastCheckpointIsFinishedByResumeWithTheSameFiles() throws Exception {
        TrainConfig oneEpoch = TWO_EPOCHS.toBuilder().epochs(1).build();
        Path straightRun = temp.resolve("straight-finish");
        Path killedRun = temp.resolve("killed-finish");
        Run.start(model(), oneEpoch, dataConfig, data, straightRun, "test", new TrainingListener() { });
        RunFiles killed = Run.start(model(), oneEpoch, dataConfig, data, killedRun, "test",
                new TrainingListener() { }).files();
        // Killed after the last checkpoint: none of the final files were written.
        Path[] finalFiles = {killed.model(), killed.samples(), killed.reconstructions(), killed.interpolation(),
                killed.lossCurve(), killed.summary()};
        for (Path p : finalFiles) {
            Files.delete(p);
        }
        Run.Result finished = Run.resume(killedRun, 0, new TrainingListener() { });
        for (Path p : finalFiles) {
            assertTrue(Files.isRegularFile(p), p + " missing");
        }
        assertTrue(finished.summary().contains("test -ELBO"), finished.summary());
        assertEquals(1, finished.history().size());
        assertArrayEquals(weights(straightRun.resolve("model.regen")), weights(killed.model()));
        // The same run twice gives the same weights bytes, in the final model and the checkpoint (not the
        // optimizer state: libtorch keys it by the parameters' memory addresses).
        assertArrayEquals(entry(straightRun.resolve("model.regen"), ModelFile.WEIGHTS), entry(killed.model(),
                ModelFile.WEIGHTS));
        assertArrayEquals(entry(straightRun.resolve("checkpoint.regen"), ModelFile.WEIGHTS),
                entry(killed.checkpoint(), ModelFile.WEIGHTS));
        RegenException e = assertThrows(RegenException.class,
                () -> Run.resume(killedRun, 0, new TrainingListener() { }));
        assertTrue(e.getMessage().contains("already finished its 1 epochs"), e.getMessage());
    }

    private static byte[] entry(Path file, String name) {
        return ModelFile.read(file).entry(name).orElseThrow().bytes();
    }

    @Test
    void aRunKilledMidwayResumesOntoTheSameCosineScheduleBitForBit() throws Exception {
        TrainConfig cosine = TWO_EPOCHS.toBuilder().schedule(LearningRateSchedule.COSINE).build();
        Path straightRun = temp.resolve("straight-cosine");
        Path killedRun = temp.resolve("killed-cosine");
        Path constantRun = temp.resolve("constant");
        Run.start(model(), cosine, dataConfig, data, straightRun, "test", new TrainingListener() { });
        assertThrows(IllegalStateException.class, () -> Run.start(model(), cosine, dataConfig, data, killedRun, "test",
                new TrainingListener() {
                    @Override
                    public void onStep(StepProgress progress) {
                        if (progress.epoch() == 2) {
                            throw new IllegalStateException("killed in epoch 2");
                        }
                    }
                }));
        Run.resume(killedRun, 2, new TrainingListener() { });
        assertArrayEquals(weights(straightRun.resolve("model.regen")), weights(killedRun.resolve("model.regen")));
        // The schedule took effect: at a constant rate the same run ends elsewhere.
        Run.start(model(), TWO_EPOCHS, dataConfig, data, constantRun, "test", new TrainingListener() { });
        assertFalse(Arrays.equals(weights(straightRun.resolve("model.regen")),
                weights(constantRun.resolve("model.regen"))));
    }

    @Test
    void iwaeTrainingOnDynamicallyBinarizedImagesLowersABoundTighterThanTheElbo() {
        ImageDataset test = new Binarized(new Subset(data.test(), IntStream.range(0, 200).toArray(), "test"), 7L);
        Torch.seed(5L);
        Vae vae = new Vae(model());
        double before = VaeEvaluator.importanceSampled(vae, test, 20, 5L, (done, total) -> { }).nll();
        TrainConfig iwae = TWO_EPOCHS.toBuilder().iwaeSamples(5).binarize(true).build();
        List<EpochMetrics> history = new ArrayList<>();
        new Trainer(TrainingSteps.create(vae, iwae), iwae).train(data.train(), test, TrainingState.start(),
                new TrainingListener() {
                    @Override
                    public void onEpoch(EpochMetrics m) {
                        history.add(m);
                    }
                });
        Map<String, Double> firstEpoch = history.get(0).train();
        assertEquals(Set.of("-iwae"), firstEpoch.keySet(), "the IWAE objective reports its bound and no ELBO");
        assertTrue(history.get(1).train().get("-iwae") < firstEpoch.get("-iwae"), history.toString());
        double after = VaeEvaluator.importanceSampled(vae, test, 20, 5L, (done, total) -> { }).nll();
        assertTrue(after < before - 100, before + " -> " + after);
        double elbo = VaeEvaluator.elbo(vae, test, 5L).negativeElbo();
        assertTrue(after < elbo, "IWAE bound " + after + " is not below the -ELBO " + elbo);
    }

    @ParameterizedTest
    @EnumSource(Likelihood.class)
    void everyLikelihoodLearnsFromRealImages(Likelihood likelihood) {
        Torch.seed(3L);
        ModelConfig config = new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 28, 28), 8, likelihood, 16);
        Vae vae = new Vae(config);
        ImageDataset test = new Subset(data.test(), IntStream.range(0, 100).toArray(), "test");
        double before = VaeEvaluator.elbo(vae, test, 3L).negativeElbo();
        new Trainer(TrainingSteps.create(vae, TWO_EPOCHS), TWO_EPOCHS).train(data.train(), test, TrainingState.start(), new TrainingListener() { });
        double after = VaeEvaluator.elbo(vae, test, 3L).negativeElbo();
        assertTrue(after < before - 50, likelihood + ": " + before + " -> " + after);
    }

    @Test
    void klWarmUpLowersTheObjectiveBelowTheElboWhileItRamps() {
        Torch.seed(5L);
        Vae vae = new Vae(model());
        TrainConfig warm = TrainConfig.builder().epochs(1).batchSize(64).learningRate(1e-3).klWarmupEpochs(10.0)
                .seed(5L).threads(2).build();
        List<EpochMetrics> epochs = new ArrayList<>();
        new Trainer(TrainingSteps.create(vae, warm), warm).train(data.train(), data.test(), TrainingState.start(), new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                epochs.add(metrics);
            }
        });
        EpochMetrics first = epochs.get(0);
        // In the first of ten warm-up epochs the KL weight stays below 0.1.
        assertTrue(first.train().get("loss") < first.train().get("-elbo") - 5, first.toString());
    }

    private static float[] weights(Path model) {
        TensorVector params = SavedModel.load(model).vae().parameters();
        int total = 0;
        for (long i = 0; i < params.size(); i++) {
            total += (int) params.get(i).numel();
        }
        float[] all = new float[total];
        int offset = 0;
        for (long i = 0; i < params.size(); i++) {
            float[] p = Tensors.floats(params.get(i));
            System.arraycopy(p, 0, all, offset, p.length);
            offset += p.length;
        }
        return all;
    }
}
