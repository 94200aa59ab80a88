package dev.regen.cli;

/** Whether output goes to a person at a terminal, where progress bars are worth drawing. */
final class Terminal {
    private Terminal() {
    }

    static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
