package dev.regen.cli;

import dev.regen.nn.Torch;

/** Entry point of the {@code regen} command. */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        // Before any command touches the engine (see Torch.extractNatives).
        Torch.extractNatives();
        System.exit(RegenCommand.commandLine().execute(args));
    }
}
