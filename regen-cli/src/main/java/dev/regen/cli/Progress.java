package dev.regen.cli;

import dev.regen.train.ProgressBar;
import picocli.CommandLine;

/** Progress reporting on standard error: a live bar at a terminal, one line per epoch otherwise. */
final class Progress {
    private Progress() {
    }

    static ProgressBar bar(CommandLine.Model.CommandSpec spec) {
        return new ProgressBar(spec.commandLine().getErr(), Terminal.interactive());
    }
}
