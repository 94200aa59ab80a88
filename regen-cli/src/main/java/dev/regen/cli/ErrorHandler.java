package dev.regen.cli;

import dev.regen.RegenException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns anything a command throws into one line on standard error and an exit status: the user's
 * mistakes get their message, anything else a short internal-error line. Set
 * {@code REGEN_DEBUG=1} to see stack traces.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println();
        if (System.getenv("REGEN_DEBUG") != null) {
            e.printStackTrace(err);
        }
        RegenException user = userError(e);
        if (user != null) {
            err.println("error: " + user.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof UncheckedIOException io) {
            err.println("error: " + io.getCause().getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.println("internal error: " + e + " (run with REGEN_DEBUG=1 for details and please report it)");
        err.flush();
        return ExitCodes.INTERNAL;
    }

    private static RegenException userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegenException r) {
                return r;
            }
        }
        return null;
    }
}
