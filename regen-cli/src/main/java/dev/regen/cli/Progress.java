package dev.regen.cli;

import dev.regen.WorkProgress;
import dev.regen.train.ProgressBar;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress reporting on standard error: a live bar at a terminal, one line per epoch otherwise. */
final class Progress {
    private Progress() {
    }

    static ProgressBar bar(CommandLine.Model.CommandSpec spec) {
        return new ProgressBar(spec.commandLine().getErr(), Terminal.interactive());
    }

    /**
     * A live percentage for work counted in {@code units} (steps, images), {@code what} naming it;
     * at most ten redraws a second, nothing when standard error is not a terminal. {@link #clear}
     * removes the line.
     */
    static WorkProgress live(CommandLine.Model.CommandSpec spec, String what, String units) {
        PrintWriter err = spec.commandLine().getErr();
        boolean live = Terminal.interactive();
        long[] lastDraw = {0};
        long started = System.nanoTime();
        return (done, total) -> {
            long now = System.nanoTime();
            if (!live || now - lastDraw[0] < 100_000_000L && done < total) {
                return;
            }
            lastDraw[0] = now;
            double seconds = (now - started) / 1e9;
            // Clearing to the line's end first: a shorter line must not keep the end of a longer one
            // (one phase's line after another's).
            err.printf(Locale.ROOT, "\r\033[K%s: %3d%% (%d/%d %s), %s left ", what, 100 * done / total, done, total, units,
                    ProgressBar.duration(seconds / done * (total - done)));
            err.flush();
        };
    }

    /** Clears a live line drawn by {@link #live}. */
    static void clear(CommandLine.Model.CommandSpec spec) {
        if (Terminal.interactive()) {
            spec.commandLine().getErr().print("\r\033[K");
            spec.commandLine().getErr().flush();
        }
    }
}
