package dev.regen.cli;

import dev.regen.edit.Attributes;
import dev.regen.edit.Direction;
import dev.regen.edit.LatentEdit;
import dev.regen.model.Generative;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of commands that edit along a latent direction: which one, how far, and where directions are kept. */
final class DirectionOptions {
    @Option(names = "--direction", required = true, paramLabel = "NAME", description = "a direction the model has")
    String name;

    @Option(names = "--amount", defaultValue = "1", paramLabel = "A",
            description = "how far to move, -10 to 10: 1 goes from one class mean to the other, or one standard "
                    + "deviation along a principal direction (default: ${DEFAULT-VALUE})")
    double amount;

    @Option(names = "--attributes", paramLabel = "FILE",
            description = "the directions (default: MODEL.attributes.json beside the model)")
    Path attributes;

    /** The named direction of the model, after checking that it is unconditional. */
    Direction find(ModelOption model, Generative generative) {
        LatentEdit.requireUnconditional(generative);
        return Attributes.read(attributes != null ? attributes : Attributes.beside(model.path),
                generative.config().latent()).find(name);
    }
}
