package dev.regen.train;

import dev.regen.TestData;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainingState;
import dev.regen.data.ImageDataset;
import dev.regen.data.Subset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import dev.regen.config.ModelConfig;
import dev.regen.config.TrainConfig;
import dev.regen.data.Split;
import dev.regen.eval.VaeEvaluator;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaeRunTest {
    private static final TrainConfig TWO_EPOCHS = new TrainConfig(2, 64, 1e-3, 1.0, 0.0, 0.0, 0.0, 7L, 2);

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

    @Test
    void aStoppedAndResumedRunEndsWithTheSameWeightsBitForBit() throws Exception {
        Run.start(model(), TWO_EPOCHS, dataConfig, data, temp.resolve("straight"), "test", new TrainingListener() { });
        Run.start(model(), TWO_EPOCHS.withEpochs(1), dataConfig, data, temp.resolve("stopped"), "test",
                new TrainingListener() { });
        Run.Result resumed = Run.resume(temp.resolve("stopped"), 2, new TrainingListener() { });
        assertEquals(2, resumed.history().size());
        float[] straight = weights(temp.resolve("straight").resolve("model.regen"));
        float[] again = weights(temp.resolve("stopped").resolve("model.regen"));
        assertArrayEquals(straight, again);
        assertEquals(Files.readString(temp.resolve("straight").resolve("metrics.jsonl")).lines().count(),
                Files.readString(temp.resolve("stopped").resolve("metrics.jsonl")).lines().count());
    }

    @ParameterizedTest
    @EnumSource(Likelihood.class)
    void everyLikelihoodLearnsFromRealImages(Likelihood likelihood) {
        Torch.seed(3L);
        ModelConfig config = new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 28, 28), 8, likelihood, 16);
        Vae vae = new Vae(config);
        ImageDataset test = new Subset(data.test(), IntStream.range(0, 100).toArray(), "test");
        double before = VaeEvaluator.elbo(vae, test, 3L).negativeElbo();
        new Trainer(TrainingTask.create(vae, TWO_EPOCHS), TWO_EPOCHS).train(data.train(), test, TrainingState.start(), new TrainingListener() { });
        double after = VaeEvaluator.elbo(vae, test, 3L).negativeElbo();
        assertTrue(after < before - 50, likelihood + ": " + before + " -> " + after);
    }

    @Test
    void klWarmUpLowersTheObjectiveBelowTheElboWhileItRamps() {
        Torch.seed(5L);
        Vae vae = new Vae(model());
        TrainConfig warm = new TrainConfig(1, 64, 1e-3, 1.0, 10.0, 0.0, 0.0, 5L, 2);
        List<EpochMetrics> epochs = new ArrayList<>();
        new Trainer(TrainingTask.create(vae, warm), warm).train(data.train(), data.test(), TrainingState.start(), new TrainingListener() {
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
