package dev.regen.server;

import dev.regen.config.Background;
import dev.regen.config.DataConfig;
import dev.regen.config.FeatureNorm;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.data.DataSource;
import dev.regen.data.damage.Corruptions;
import dev.regen.train.Run;
import dev.regen.train.TrainingListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A studio folder with real models trained briefly on the data that ships with the repository
 * (a conv VAE on Fashion-MNIST, pix2pix from Noto to Twemoji at 32x32, pix2pix trained to remove
 * noise from Fashion-MNIST) and a broken model file;
 * trained once per test JVM.
 */
final class StudioModels {
    static final Path DATA = Path.of("..", "data");
    static final String VAE = "vae/model.regen";
    static final String PIX2PIX = "pix2pix/model.regen";
    static final String DENOISER = "denoiser/model.regen";
    static final String BROKEN = "broken.regen";
    private static Path folder;

    private StudioModels() {
    }

    static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("regen-studio-models");
                trainVae(folder.resolve("vae"));
                trainPix2Pix(folder.resolve("pix2pix"));
                trainDenoiser(folder.resolve("denoiser"));
                Files.write(folder.resolve(BROKEN), "not a model file".getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    private static void trainVae(Path out) {
        DataConfig data = DataConfig.of(DATA.resolve("fashion-mnist").toString());
        TrainConfig training = TrainConfig.builder().epochs(1).batchSize(64).threads(2).build();
        DataSource.Prepared prepared = DataSource.prepare(data, training.seed());
        ModelConfig model = ModelConfig.convVae(prepared.split().train().shape());
        Run.start(model, training, data, prepared.split(), out, "test", new TrainingListener() { });
    }

    private static void trainPix2Pix(Path out) {
        DataConfig data = new DataConfig(DATA.resolve("emoji/google").toString(), 3, 32, 32, null, 0.1, false,
                Background.WHITE, null, 0, null, DATA.resolve("emoji/twitter").toString(), false, 0);
        TrainConfig training = TrainConfig.builder().epochs(1).batchSize(16).threads(2).build();
        DataSource.Prepared prepared = DataSource.prepare(data, training.seed());
        ModelConfig model = ModelConfig.translator(ModelKind.PIX2PIX, prepared.targetShape(), prepared.inputChannels(),
                8, FeatureNorm.INSTANCE);
        Run.start(model, training, data, prepared.split(), out, "test", new TrainingListener() { });
    }

    /** A restoration network: pix2pix given its own images with noise 0.2, 50 per class, one epoch. */
    private static void trainDenoiser(Path out) {
        DataConfig data = new DataConfig(DATA.resolve("fashion-mnist").toString(), 0, 0, 0, null, 0.1, false,
                Background.WHITE, null, 50, null, null, false, 0);
        TrainConfig training = TrainConfig.builder().epochs(1).batchSize(16).threads(2)
                .inputDamage(Corruptions.parse("noise:0.2")).build();
        DataSource.Prepared prepared = DataSource.prepare(data, training.seed());
        ModelConfig model = ModelConfig.translator(ModelKind.PIX2PIX, prepared.split().train().shape(), 1, 8,
                FeatureNorm.INSTANCE);
        Run.start(model, training, data, prepared.split(), out, "test", new TrainingListener() { });
    }
}
