package dev.regen.cli;

import dev.regen.config.Background;
import picocli.CommandLine.Option;

/** {@code --background}: what transparent pixels are composited onto, for every command that reads data. */
final class BackgroundOption {
    @Option(names = "--background", paramLabel = "white|black|#rrggbb", defaultValue = "white",
            converter = Converters.BackgroundColour.class,
            description = "what transparent pixels are composited onto; a model keeps the one it was trained with "
                    + "for every later use (default: ${DEFAULT-VALUE})")
    Background colour;
}
