package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.Check;
import dev.regen.config.DataConfig;
import dev.regen.config.TrainConfig;
import dev.regen.data.Binarized;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.data.Subset;
import dev.regen.io.Manifest;
import dev.regen.model.Generative;
import dev.regen.model.Network;
import dev.regen.model.SavedModel;
import dev.regen.model.Vae;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

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
    ImageDataset images(Path data, Network model, boolean preferTest) {
        DataSource.Loaded loaded = open(data, model);
        return preferTest ? loaded.test().orElse(loaded.train()) : loaded.train();
    }

    /** The images at {@code data} and the test set beside them, if any, read as {@link #images} reads them. */
    DataSource.Loaded open(Path data, Network model) {
        return DataSource.open(data, own -> model.config().shape(), false, background());
    }

    /** The first {@code limit} of {@code images}, or all of them when {@code limit} is 0 or more than they are. */
    static ImageDataset first(ImageDataset images, int limit) {
        Check.range("--limit", limit, 0, Integer.MAX_VALUE);
        return limit > 0 && limit < images.size()
                ? new Subset(images, IntStream.range(0, limit).toArray(), "first " + limit) : images;
    }

    /** Whether the model's training data is still where it trained (see {@link #trainingImages}). */
    boolean hasTrainingImages() {
        return Files.exists(Path.of(loadSaved().file().manifest().data().path()));
    }

    /**
     * The model's own training images, read again from where it trained and as it read them (its
     * size, channels, labels and draw per class), binarized by one fixed draw when it trained on
     * binarized images.
     *
     * @param otherwise what the user can do instead, for the error message
     * @throws RegenException when they are no longer where the model trained
     */
    ImageDataset trainingImages(String otherwise) {
        Manifest manifest = loadSaved().file().manifest();
        if (!hasTrainingImages()) {
            throw new RegenException("the model's training images at " + manifest.data().path()
                    + " are not there: " + otherwise);
        }
        return asTrained(DataSource.prepare(manifest.data().at(manifest.model().shape()),
                manifest.training().seed()).split().train());
    }

    /** {@code images} binarized by the model's fixed draw when it trained on binarized images, else as they are. */
    private ImageDataset asTrained(ImageDataset images) {
        TrainConfig training = loadSaved().file().manifest().training();
        return training.binarize() ? new Binarized(images, training.seed()) : images;
    }

    /**
     * Held-out images for a likelihood of the VAE: the test set at {@code data} when it has one,
     * converted as the model's training data was (its {@code --size} and {@code --channels}), the
     * first {@code limit} only when above 0, and binarized by the same fixed draw the model was
     * tested on while it trained when it trained on binarized images.
     *
     * @throws RegenException when that conversion does not give the model's shape: the likelihood of
     *                        images resized to fit would not compare with its own images'
     */
    ImageDataset evaluationImages(Path data, int limit) {
        Vae vae = loadVae();
        DataConfig trained = loadSaved().file().manifest().data();
        DataSource.Loaded loaded = DataSource.open(data, trained::target, false, background());
        ImageDataset images = first(loaded.test().orElse(loaded.train()), limit);
        if (!images.shape().equals(vae.config().shape())) {
            throw new RegenException(data + " holds " + images.shape() + " images and the model scores "
                    + vae.config().shape() + " ones: likelihoods of resized images do not compare");
        }
        return asTrained(images);
    }
}
