package dev.regen.train;

import dev.regen.TestData;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.config.Provenance;
import dev.regen.config.TrainConfig;
import dev.regen.config.TrainingState;
import dev.regen.data.ArrayDataset;
import dev.regen.data.DatasetView;
import dev.regen.data.ImageDataset;
import dev.regen.data.Subset;
import dev.regen.model.SavedModel;
import dev.regen.model.Vae;
import dev.regen.nn.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DivergenceTest {
    @TempDir
    Path temp;

    /** Real images that turn to NaN once {@link #poisoned} is set, as a corrupt stream would. */
    private static final class Poisonable extends DatasetView {
        boolean poisoned;

        Poisonable(ImageDataset base) {
            super(base);
        }

        @Override
        public void read(int index, float[] dst, int offset) {
            base.read(index, dst, offset);
            if (poisoned) {
                dst[offset] = Float.NaN;
            }
        }

        @Override
        public String source() {
            return "poisonable";
        }
    }

    @Test
    void aNanLossStopsWithTheStepAndKeepsTheLastGoodCheckpoint() {
        Torch.start(2);
        ArrayDataset all = TestData.fashionTest();
        Poisonable train = new Poisonable(new Subset(all, IntStream.range(0, 256).toArray(), "train"));
        ImageDataset test = new Subset(all, IntStream.range(1000, 1100).toArray(), "test");
        TrainConfig config = TrainConfig.builder().epochs(2).batchSize(64).learningRate(1e-3).seed(3L).threads(2).build();
        Vae vae = new Vae(ModelConfig.convVae(new ImageShape(1, 28, 28)));
        TrainingTask task = TrainingSteps.create(vae, config);
        Trainer trainer = new Trainer(task, config);
        History history = new History(List.of(), temp.resolve("metrics.jsonl"));
        Path checkpoint = temp.resolve("checkpoint.regen");
        Checkpointer checkpointer = new Checkpointer(task, config, DataConfig.of("x"),
                new Provenance("x", "test", "0", "e", "17", "now"), history, checkpoint);
        TrainingListener listeners = TrainingListener.all(List.of(history, checkpointer));
        TrainingListener poisonAfterFirstEpoch = new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                listeners.onEpoch(m);
                train.poisoned = true;
            }
        };
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.train(train, test, TrainingState.start(), poisonAfterFirstEpoch));
        // 256 images in batches of 64: epoch 2 starts at step 5.
        assertTrue(e.getMessage().contains("at step 5 (epoch 2)"), e.getMessage());
        assertEquals(1, SavedModel.load(checkpoint).file().manifest().state().epoch());
    }
}
