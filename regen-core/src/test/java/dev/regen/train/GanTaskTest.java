package dev.regen.train;

import dev.regen.TestData;
import dev.regen.config.Augmentation;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.data.Split;
import dev.regen.model.Gan;
import dev.regen.model.SavedModel;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GanTaskTest {
    @TempDir
    static Path temp;
    static DataConfig dataConfig;
    static Split data;

    @BeforeAll
    static void data() {
        Torch.start(2);
        TestData.Prepared prepared = TestData.prepared(temp.resolve("data"), 512, 64, 1L);
        dataConfig = prepared.config();
        data = prepared.split();
    }

    private static ModelConfig config(ModelKind kind, int classes) {
        return new ModelConfig(kind, new ImageShape(1, 28, 28), 16, Likelihood.BERNOULLI, 16, classes);
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"DCGAN", "WGAN_GP", "SNGAN"})
    void aDiscriminatorStepLeavesTheGeneratorAloneAndNoGradientOutlivesAGeneratorStep(ModelKind kind) {
        Torch.seed(2L);
        Gan gan = new Gan(config(kind, 0));
        TrainConfig training = TrainConfig.builder().epochs(1).batchSize(32).learningRate(1e-4)
                .seed(2L).threads(2).criticSteps(2).build();
        TrainingTask task = TrainingSteps.create(gan, training);
        try (PointerScope scope = new PointerScope()) {
            Tensor real = Tensors.images(data.train().read(0, 1, 2, 3), 4, data.train().shape());
            List<float[]> generator = Weights.snapshot(gan.generatorParameters());
            List<float[]> discriminator = Weights.snapshot(gan.discriminatorParameters());
            double[] first = task.step(real, null, new StepContext(0, 1, 0.1));   // critic only
            assertTrue(Double.isNaN(first[1]), "no generator loss before its first update");
            List<float[]> generatorAfter = Weights.snapshot(gan.generatorParameters());
            for (int i = 0; i < generator.size(); i++) {
                assertArrayEquals(generator.get(i), generatorAfter.get(i), "generator parameter " + i);
            }
            assertNotEquals(discriminator.get(0)[0], Weights.snapshot(gan.discriminatorParameters()).get(0)[0]);
            double[] second = task.step(real, null, new StepContext(1, 1, 0.2));  // critic, then generator
            assertFalse(Double.isNaN(second[1]));
            assertNotEquals(generator.get(0)[0], Weights.snapshot(gan.generatorParameters()).get(0)[0]);
            TensorVector params = gan.discriminatorParameters();
            for (long i = 0; i < params.size(); i++) {
                Tensor grad = params.get(i).grad();
                assertTrue(!grad.defined() || grad.abs().sum().item_double() == 0, "stale gradient on " + i);
                assertTrue(params.get(i).requires_grad(), "discriminator parameter " + i + " left frozen");
            }
        }
    }

    @Test
    void aResumedConditionalGanEndsBitForBitWhereAnUninterruptedOneDoesDiffAugmentAndWeightAverageIncluded() {
        // Differentiable augmentation draws from the engine's generator, seeded per step.
        TrainConfig two = TrainConfig.builder().epochs(2).batchSize(64).learningRate(2e-4).seed(4L).threads(2)
                .augmentations(List.of(Augmentation.COLOR, Augmentation.TRANSLATION, Augmentation.CUTOUT))
                .emaDecay(0.99).build();
        ModelConfig model = config(ModelKind.DCGAN, 10);
        Run.start(model, two, dataConfig, data, temp.resolve("straight"), "test", new TrainingListener() { });
        Run.start(model, two.toBuilder().epochs(1).build(), dataConfig, data, temp.resolve("stopped"), "test", new TrainingListener() { });
        Run.Result resumed = Run.resume(temp.resolve("stopped"), 2, new TrainingListener() { });
        assertEquals(2, resumed.history().size());
        assertTrue(resumed.summary().contains("conditional on 10 classes"), resumed.summary());
        Gan a = (Gan) SavedModel.load(temp.resolve("straight/model.regen")).model();
        Gan b = (Gan) SavedModel.load(temp.resolve("stopped/model.regen")).model();
        Weights.assertSame(a, b);
    }

    @Test
    void conditionalTrainingRefusesUnlabelledDataAndLabelsOutOfRange() {
        Path npy = temp.resolve("x.npy");
        var unlabelled = new dev.regen.data.Subset(new dev.regen.data.ArrayDataset(data.train().shape(),
                data.train().read(0, 1, 2, 3), null, "unlabelled"), new int[]{0, 1, 2, 3}, "all");
        Split split = new Split(unlabelled, unlabelled);
        var e = assertThrows(dev.regen.RegenException.class, () -> Run.start(config(ModelKind.DCGAN, 10),
                TrainConfig.defaults(), DataConfig.of(npy.toString()), split, temp.resolve("nolabels"), "test",
                new TrainingListener() { }));
        assertTrue(e.getMessage().contains("conditional training needs labelled data"), e.getMessage());
        var range = assertThrows(dev.regen.RegenException.class,
                () -> Tensors.labels(config(ModelKind.DCGAN, 10), new int[]{3, 10}, 2));
        assertEquals("label 10 is out of range: this model knows classes 0 to 9", range.getMessage());
    }
}
