package dev.regen.model;

import dev.regen.config.ModelKind;
import dev.regen.io.Manifest;
import dev.regen.io.ModelFile;
import dev.regen.nn.StateBytes;
import dev.regen.nn.Torch;

import java.nio.file.Path;
import java.util.Map;

/**
 * A VAE together with the model file it came from.
 *
 * @param vae  the network, weights loaded
 * @param file the file's manifest and entries (optimizer state, history) for whoever needs them
 */
public record SavedVae(Vae vae, ModelFile file) {
    /** Value of {@link Manifest#type()} for VAEs. */
    public static final String TYPE = "vae";

    /** Loads a model file or checkpoint holding a VAE, checking its type, version and weights. */
    public static SavedVae load(Path path) {
        Torch.ensureStarted();
        ModelFile file = ModelFile.read(path).requireType(path, TYPE);
        ModelKind kind = file.manifest().model().kind();
        if (kind != ModelKind.CONV_VAE && kind != ModelKind.MLP_VAE) {
            throw new dev.regen.RegenException(path + " holds a '" + kind.cliName() + "' network, not a VAE");
        }
        byte[] weights = file.entry(ModelFile.WEIGHTS)
                .orElseThrow(() -> new dev.regen.RegenException(path + " has no weights"));
        Vae vae = new Vae(file.manifest().model());
        StateBytes.load(vae, weights);
        return new SavedVae(vae, file);
    }

    /** A model file for {@code vae} with the given manifest and extra entries (optimizer state, history). */
    public static ModelFile toFile(Vae vae, Manifest manifest, Map<String, byte[]> extra) {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put(ModelFile.WEIGHTS, StateBytes.save(vae));
        entries.putAll(extra);
        return new ModelFile(manifest, entries);
    }
}
