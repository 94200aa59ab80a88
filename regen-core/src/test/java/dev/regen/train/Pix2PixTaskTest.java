package dev.regen.train;

import dev.regen.config.DataConfig;
import dev.regen.config.FeatureNorm;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.data.DataSource;
import dev.regen.data.Split;
import dev.regen.model.Pix2Pix;
import dev.regen.model.SavedModel;
import dev.regen.nn.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pix2pix on real pairs: the sample of both emoji designs that ships in data/, at 32x32 for speed. */
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
    void aResumedRunWithBatchNormAndDropoutEndsBitForBitWhereAnUninterruptedOneDoes() {
        TrainConfig two = TrainConfig.builder().epochs(2).batchSize(16).learningRate(2e-4).seed(5L).threads(2).build();
        ModelConfig model = model(FeatureNorm.BATCH);
        Run.start(model, two, dataConfig, data.split(), temp.resolve("straight"), "test", new TrainingListener() { });
        Run.start(model, two.toBuilder().epochs(1).build(), dataConfig, data.split(), temp.resolve("stopped"), "test",
                new TrainingListener() { });
        assertEquals(2, Run.resume(temp.resolve("stopped"), 2, new TrainingListener() { }).history().size());
        Pix2Pix a = (Pix2Pix) SavedModel.load(temp.resolve("straight/model.regen")).model();
        Pix2Pix b = (Pix2Pix) SavedModel.load(temp.resolve("stopped/model.regen")).model();
        assertTrue(b.buffers().size() > 0, "batch norm keeps running statistics");
        Weights.assertSame(a, b);
    }
}
