package dev.regen.cli;

/** Exit statuses of {@code regen}. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Bad input: a missing or corrupt file, an option out of range, a diverged run. */
    public static final int BAD_INPUT = 1;
    /** The command line itself could not be parsed. */
    public static final int USAGE = 2;
    /** A bug in Regen: the message asks for a report. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
