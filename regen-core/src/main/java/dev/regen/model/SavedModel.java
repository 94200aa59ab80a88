package dev.regen.model;

import dev.regen.RegenException;
import dev.regen.config.ModelConfig;
import dev.regen.io.Manifest;
import dev.regen.io.ModelFile;
import dev.regen.nn.StateBytes;
import dev.regen.nn.Torch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A model loaded from a model file, whatever its family.
 *
 * @param path  where it was read from
 * @param model the network, weights loaded
 * @param file  the file's manifest and entries (optimizer state, history) for whoever needs them
 */
public record SavedModel(Path path, Network model, ModelFile file) {

    /** Loads a model file or checkpoint, checking its format, version, type and weights. */
    public static SavedModel load(Path path) {
        Torch.ensureStarted();
        ModelFile file = ModelFile.read(path);
        ModelConfig config = file.manifest().model();
        file.requireType(path, config.kind().family().type());
        ModelFile.Entry weights = file.entry(ModelFile.WEIGHTS)
                .orElseThrow(() -> new RegenException(path + " has no weights"));
        Network model = ModelFamilies.build(config);
        StateBytes.load(model.network(), weights);
        return new SavedModel(path, model, file);
    }

    /** The model as a generator of images (a VAE or a GAN). */
    public Generative generative() {
        if (model instanceof Generative generative) {
            return generative;
        }
        throw wrongType("vae' or 'gan");
    }

    /** The model as a translator of images (pix2pix, CycleGAN). */
    public Translator translator() {
        if (model instanceof Translator translator) {
            return translator;
        }
        throw wrongType("pix2pix' or 'cyclegan");
    }

    /** The model as a classifier. */
    public Classifier classifier() {
        if (model instanceof Classifier classifier) {
            return classifier;
        }
        throw wrongType("classifier");
    }

    private RegenException wrongType(String wanted) {
        return new RegenException(path + " holds a '" + file.manifest().type() + "' model; this needs a '" + wanted
                + "' model");
    }

    /** The model as a VAE, for uses only a VAE has (encoding, likelihoods); a VAE-GAN gives its VAE. */
    public Vae vae() {
        return (model instanceof Generative generative ? generative.autoencoder() : Optional.<Vae>empty())
                .orElseThrow(() -> wrongType("vae"));
    }

    /**
     * Writes {@code model} as a model file atomically, with the given manifest and extra entries
     * (optimizer state, history); the weights go from the engine into the file without a copy in memory.
     */
    public static void write(Path path, Network model, Manifest manifest, Map<String, ModelFile.EntryContent> extra) {
        Map<String, ModelFile.EntryContent> entries = new LinkedHashMap<>();
        entries.put(ModelFile.WEIGHTS, StateBytes.save(model.network()));
        entries.putAll(extra);
        ModelFile.write(path, manifest, entries);
    }
}
