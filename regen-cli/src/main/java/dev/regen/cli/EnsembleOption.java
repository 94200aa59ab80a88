package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.model.SavedModel;
import dev.regen.model.Translator;
import dev.regen.translate.ImageTranslator;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code --ensemble} models of the commands that translate, averaged with MODEL's translations. */
final class EnsembleOption {
    @Option(names = "--ensemble", paramLabel = "MODEL", split = ",",
            description = "more translation models of MODEL's shapes (say, the same run with other seeds); each "
                    + "image's translation is the mean of all of theirs: closer to the truth in PSNR, softer")
    List<Path> others = new ArrayList<>();

    /**
     * A translator with MODEL and the ensemble's models.
     *
     * @throws RegenException for a model of another family or shape, or one that composited its
     *                        training images onto another background than MODEL's
     */
    ImageTranslator translator(ModelOption model) {
        List<Translator> members = new ArrayList<>(List.of(model.loadSaved().translator()));
        for (Path path : others) {
            SavedModel other = SavedModel.load(path);
            Background background = other.file().manifest().data().background();
            if (!background.equals(model.background())) {
                throw new RegenException(path + " trained on images composited onto " + background.id()
                        + " and MODEL onto " + model.background().id() + ": an ensemble reads its inputs once");
            }
            members.add(other.translator());
        }
        return new ImageTranslator(members);
    }
}
