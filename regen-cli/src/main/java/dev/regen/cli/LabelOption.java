package dev.regen.cli;

import dev.regen.model.Generative;
import dev.regen.sample.Sampler;
import picocli.CommandLine.Option;

/** {@code --label} of commands that generate: which class a conditional model draws. */
final class LabelOption {
    @Option(names = "--label", paramLabel = "K",
            description = "class to generate with a conditional model (default: row r shows class r)")
    Integer label;

    /** Labels for {@code n} images in rows of {@code columns}, or null for an unconditional model. */
    int[] labels(Generative model, int n, int columns) {
        if (!model.config().conditional() && label != null) {
            throw new dev.regen.RegenException("--label needs a conditional model; this one is unconditional");
        }
        return Sampler.rowLabels(model, n, columns, label);
    }
}
