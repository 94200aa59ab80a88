package dev.regen.server;

import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TranslationDirection;
import dev.regen.data.damage.Corruption;
import dev.regen.io.Manifest;
import dev.regen.io.ModelFile;
import dev.regen.model.ModelFamilies;
import dev.regen.restore.Method;

import java.util.ArrayList;
import java.util.List;

/**
 * What the page shows of a model file before it loads the weights: its kind and shape, and the
 * uses it supports, so that the page offers only those.
 *
 * @param name       the file's path inside the studio's folder
 * @param kind       the model kind ({@code conv-vae}, {@code dcgan}, ...), null for a broken file
 * @param channels   image channels (of the output for a translator)
 * @param height     image height
 * @param width      image width
 * @param latent     latent dimensions, 0 for a translator or classifier
 * @param classes    class labels a conditional model takes, else 0
 * @param epochs     epochs trained
 * @param uses       what the page may do with it: generate, explore, interpolate, restore, edit, translate
 * @param methods    the restoration methods it takes, the default first (none if it cannot restore)
 * @param task       the task a restoration network was trained for ({@code denoise}), else null
 * @param trainedOn  the damage it learned to undo ({@code noise:0.2}), else null
 * @param directions a translator's directions (a2b, b2a)
 * @param attributes whether named latent directions lie beside the file
 * @param layers     the one-line architecture
 * @param error      why the file cannot be used, else null
 */
record ModelSummary(String name, String kind, int channels, int height, int width, int latent, int classes,
                    int epochs, List<String> uses, List<String> methods, String task, String trainedOn,
                    List<String> directions, boolean attributes, String layers, String error) {
    static ModelSummary of(String name, ModelFile file, boolean attributes) {
        Manifest manifest = file.manifest();
        ModelConfig model = manifest.model();
        Corruption learned = manifest.training().objective().inputDamage();
        return new ModelSummary(name, model.kind().id(), model.shape().channels(), model.shape().height(),
                model.shape().width(), model.kind().translates() ? 0 : model.latent(), model.classes(),
                manifest.state().epoch(), uses(manifest), Method.availableFor(model, learned).stream()
                .map(Method::id).toList(), learned == null ? null : learned.task().id(),
                learned == null ? null : learned.spec(),
                learned == null ? directions(model.kind()) : List.of(), attributes, ModelFamilies.architecture(model),
                null);
    }

    static ModelSummary broken(String name, String error) {
        return new ModelSummary(name, null, 0, 0, 0, 0, 0, 0, List.of(), List.of(), null, null, List.of(), false, null,
                error);
    }

    /**
     * What the page may do with a model of {@code manifest}: a pix2pix trained for a restoration
     * task restores (and translates nothing else).
     */
    static List<String> uses(Manifest manifest) {
        ModelConfig model = manifest.model();
        return switch (model.kind().family()) {
            case VAE, GAN, VAE_GAN -> {
                List<String> uses = new ArrayList<>(List.of("generate", "explore", "interpolate", "restore"));
                if (!model.conditional()) {
                    // Directions are found in the codes of one unlabelled latent space (LatentEdit).
                    uses.add("edit");
                }
                yield uses;
            }
            case PIX2PIX -> List.of(manifest.training().objective().inputDamage() == null ? "translate" : "restore");
            case CYCLEGAN -> List.of("translate");
            case CLASSIFIER -> List.of();
        };
    }

    private static List<String> directions(ModelKind kind) {
        return switch (kind.family()) {
            case PIX2PIX -> List.of(TranslationDirection.A2B.id());
            case CYCLEGAN -> List.of(TranslationDirection.A2B.id(), TranslationDirection.B2A.id());
            default -> List.of();
        };
    }
}
