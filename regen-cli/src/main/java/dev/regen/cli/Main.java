package dev.regen.cli;

/** Entry point of the {@code regen} command. */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(RegenCommand.commandLine().execute(args));
    }
}
