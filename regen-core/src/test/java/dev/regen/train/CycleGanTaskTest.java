package dev.regen.train;

import dev.regen.config.DataConfig;
import dev.regen.config.FeatureNorm;
import dev.regen.config.ImageShape;
import dev.regen.config.LearningRateSchedule;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.data.DataSource;
import dev.regen.data.Unpaired;
import dev.regen.model.CycleGan;
import dev.regen.model.SavedModel;
import dev.regen.nn.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CycleGAN on the two emoji designs of data/, unpaired, at 16x16 for speed. */
class CycleGanTaskTest {
    private static final Path EMOJI = Path.of("..", "data", "emoji");

    @TempDir
    static Path temp;
    static DataConfig dataConfig;
    static DataSource.Prepared data;

    @BeforeAll
    static void data() {
        Torch.start(2);
        dataConfig = new DataConfig(EMOJI.resolve("google").toString(), 3, 16, 16, null, 0.1, false, null, null, 0,
                null, EMOJI.resolve("twitter").toString(), true, 0);
        data = DataSource.prepare(dataConfig, 1);
    }

    private static ModelConfig model() {
        return ModelConfig.translator(ModelKind.CYCLEGAN, data.targetShape(), data.inputChannels(), 4,
                FeatureNorm.INSTANCE);
    }

    private static TrainConfig.Builder training() {
        return TrainConfig.builder().batchSize(8).learningRate(2e-4).threads(2).poolSize(10)
                .schedule(LearningRateSchedule.LINEAR);
    }

    @Test
    void theDomainsAreUnpairedAndEachKeepsItsOwnTestSet() {
        assertInstanceOf(Unpaired.class, data.split().train());
        assertEquals(new ImageShape(6, 16, 16), data.split().train().shape());
        assertEquals(400, data.split().train().size());
        assertEquals(95, data.split().test().size());
    }

    @Test
    void trainingShortensTheHeldOutCycle() {
        TrainConfig config = training().epochs(3).seed(2L).build();
        Torch.seed(2L);
        double untrained = new CycleGanTask(new CycleGan(model()), config).evaluate(data.split().test(), 1)
                .get("cycle");
        Run.Result run = Run.start(model(), config, dataConfig, data.split(), temp.resolve("trained"), "test",
                new TrainingListener() { });
        double trained = run.history().get(2).test().get("cycle");
        assertTrue(trained < 0.7 * untrained, "cycle distance " + untrained + " untrained, " + trained + " after 3 "
                + "epochs");
        assertTrue(run.summary().contains("identity loss  weight 0.5 x lambda cycle"), run.summary());
    }

    @Test
    void aResumedRunEndsBitForBitWhereAnUninterruptedOneDoesItsPoolsOfFakesIncluded() {
        // A constant rate, so that a one-epoch run extended to two is the same run as a two-epoch one.
        TrainConfig two = training().schedule(LearningRateSchedule.CONSTANT).epochs(2).seed(6L).build();
        Run.start(model(), two, dataConfig, data.split(), temp.resolve("straight"), "test", new TrainingListener() { });
        Run.start(model(), two.toBuilder().epochs(1).build(), dataConfig, data.split(), temp.resolve("stopped"), "test",
                new TrainingListener() { });
        assertEquals(2, Run.resume(temp.resolve("stopped"), 2, new TrainingListener() { }).history().size());
        CycleGan a = (CycleGan) SavedModel.load(temp.resolve("straight/model.regen")).model();
        CycleGan b = (CycleGan) SavedModel.load(temp.resolve("stopped/model.regen")).model();
        Weights.assertSame(a, b);
    }
}
