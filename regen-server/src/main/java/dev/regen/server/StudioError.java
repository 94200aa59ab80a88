package dev.regen.server;

/** A request the studio refuses, with the HTTP status that says why (400 unless another fits better). */
final class StudioError extends RuntimeException {
    private final int status;

    StudioError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** 404: no such model, run or job. */
    static StudioError notFound(String message) {
        return new StudioError(404, message);
    }

    /** 400: a parameter is missing or malformed. */
    static StudioError badRequest(String message) {
        return new StudioError(400, message);
    }
}
