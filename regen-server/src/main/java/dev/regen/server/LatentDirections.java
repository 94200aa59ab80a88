package dev.regen.server;

import dev.regen.data.ImageDataset;
import dev.regen.data.Subset;
import dev.regen.edit.AttributeFinder;
import dev.regen.edit.Attributes;
import dev.regen.edit.Direction;
import dev.regen.model.Generative;
import dev.regen.model.SavedModel;
import dev.regen.sample.Embedder;
import dev.regen.sample.Inversion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The latent directions a model's sliders move along, best first: the named directions
 * {@code regen attributes} wrote beside the model; else, for a model with an encoder, the
 * principal directions of the codes of its training images; else the first axes of its latent
 * space, each one prior standard deviation long.
 */
final class LatentDirections {
    /** Sliders a page shows. */
    static final int COUNT = 8;
    /** Codes the principal directions are found in: enough for the leading ones, encoded in a second or two. */
    static final int IMAGES = 512;

    private LatentDirections() {
    }

    static Attributes of(SavedModel saved, Supplier<Optional<ImageDataset>> training) {
        Generative model = saved.generative();
        int latent = model.config().latent();
        Path beside = Attributes.beside(saved.path());
        if (Files.exists(beside)) {
            return Attributes.read(beside, latent);
        }
        Optional<ImageDataset> images = model.autoencoder().isPresent() && !model.config().conditional()
                ? training.get() : Optional.empty();
        if (images.isPresent()) {
            ImageDataset first = new Subset(images.get(), IntStream.range(0, Math.min(IMAGES, images.get().size()))
                    .toArray(), "first " + IMAGES);
            float[] codes = Embedder.codes(model, first, Inversion.defaults(), (done, total) -> { });
            return new Attributes(latent, "principal directions of the codes of " + first.size() + " training images",
                    AttributeFinder.principal(codes, latent, Math.min(COUNT, latent)));
        }
        List<Direction> axes = new ArrayList<>();
        for (int i = 0; i < Math.min(COUNT, latent); i++) {
            float[] unit = new float[latent];
            unit[i] = 1;
            axes.add(new Direction("z" + (i + 1), "one prior standard deviation along latent axis " + (i + 1), 1, unit));
        }
        return new Attributes(latent, "the first latent axes", axes);
    }
}
