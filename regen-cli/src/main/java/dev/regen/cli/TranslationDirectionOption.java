package dev.regen.cli;

import dev.regen.config.TranslationDirection;
import dev.regen.model.Translator;
import dev.regen.translate.ImageTranslator;
import picocli.CommandLine.Option;

/** The {@code --direction} of the commands that translate. */
final class TranslationDirectionOption {
    @Option(names = "--direction", defaultValue = "a2b", paramLabel = "a2b|b2a",
            converter = Converters.DirectionName.class,
            description = "a2b: from the training inputs' domain to the targets'; b2a back, for a two-way model "
                    + "(default: ${DEFAULT-VALUE})")
    TranslationDirection direction;

    /** The direction, after checking that {@code model} translates that way. */
    TranslationDirection of(Translator model) {
        ImageTranslator.requireDirection(model, direction);
        return direction;
    }
}
