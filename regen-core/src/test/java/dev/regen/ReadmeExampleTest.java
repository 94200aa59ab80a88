package dev.regen;

import dev.regen.config.DataConfig;
import dev.regen.config.ModelConfig;
import dev.regen.config.TrainConfig;
import dev.regen.data.DataSource;
import dev.regen.data.Split;
import dev.regen.io.ImageGrid;
import dev.regen.model.SavedModel;
import dev.regen.model.Vae;
import dev.regen.sample.Sampler;
import dev.regen.train.TrainingListener;
import dev.regen.train.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library example of README.md, on a small real dataset, so that it stays true. */
class ReadmeExampleTest {
    @TempDir
    Path temp;

    @Test
    void theReadmeExampleRuns() {
        Path folder = TestData.smallIdxFolder(temp.resolve("data"), 600, 100);
        // From here on, the README's code with only the paths and the epoch count changed.
        DataConfig data = DataConfig.of(folder.toString());
        TrainConfig training = TrainConfig.builder().epochs(1).build();
        Split split = DataSource.prepare(data, training.seed()).split();
        Run.start(ModelConfig.convVae(split.train().shape()), training, data, split,
                temp.resolve("runs/java"), "my app", new TrainingListener() { });

        Vae vae = SavedModel.load(temp.resolve("runs/java/model.regen")).vae();
        float[] images = Sampler.sample(vae, 16, 42L, null);
        float[] codes = Sampler.encode(vae, images, null, 16);
        float[] again = Sampler.decode(vae, codes, null, 16);
        ImageGrid.write(images, 16, vae.config().shape(), 4, temp.resolve("samples.png"));

        assertEquals(16 * 784, images.length);
        assertEquals(16 * 16, codes.length);
        assertEquals(images.length, again.length);
        assertTrue(Files.isRegularFile(temp.resolve("samples.png")));
    }
}
