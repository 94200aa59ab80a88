package dev.regen;

/**
 * A problem the user can fix: bad input, a wrong option, a model of another kind.
 *
 * <p>The message is one complete sentence meant to be shown as it is, without a stack trace.
 */
public class RegenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message is shown to the user as it is. */
    public RegenException(String message) {
        super(message);
    }

    /** Creates an exception that keeps the low-level cause for debugging. */
    public RegenException(String message, Throwable cause) {
        super(message, cause);
    }
}
