package dev.regen.cli;

import dev.regen.config.Background;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.model.Generative;
import dev.regen.model.SavedModel;
import dev.regen.model.Vae;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** The MODEL argument of commands that use a trained model, and the images they feed it. */
final class ModelOption {
    @Parameters(index = "0", paramLabel = "MODEL", description = "model file (.regen) or checkpoint")
    Path path;

    private SavedModel saved;

    /** A model that generates images (a VAE or a GAN). */
    Generative load() {
        return loadSaved().generative();
    }

    /** The model file with its manifest, for commands that need how the model was trained; loaded once. */
    SavedModel loadSaved() {
        if (saved == null) {
            saved = SavedModel.load(path);
        }
        return saved;
    }

    /** A model that must be a VAE. */
    Vae loadVae() {
        return loadSaved().vae();
    }

    /** What the model's training data composited transparent pixels onto, for images fed to it. */
    Background background() {
        return loadSaved().file().manifest().data().background();
    }

    /** The labels of some images for a conditional model, else null. */
    static int[] labels(Generative model, ImageDataset images, int... indices) {
        return model.config().conditional() ? java.util.stream.IntStream.of(indices).map(images::label).toArray() : null;
    }

    /**
     * Images at {@code data}, converted to the model's shape and composited onto its training
     * background; its test set when it has one beside it.
     */
    ImageDataset images(Path data, Generative model, boolean preferTest) {
        DataSource.Loaded loaded = DataSource.open(data, own -> model.config().shape(), false, background());
        return preferTest ? loaded.test().orElse(loaded.train()) : loaded.train();
    }
}
