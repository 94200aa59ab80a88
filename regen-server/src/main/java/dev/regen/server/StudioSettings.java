package dev.regen.server;

import dev.regen.config.Check;

import java.nio.file.Path;
import java.util.List;

/**
 * How a studio serves.
 *
 * @param models         the folder whose model files and run folders the studio shows; names resolve only inside it
 * @param host           the address to bind: 127.0.0.1 keeps the studio to this machine
 * @param port           the port, 0 for any free one
 * @param maxUploadBytes the largest request body (an uploaded image travels base64 inside JSON); larger ones get 413
 * @param maxImageSide   the largest width or height an uploaded image may declare; larger ones get 413 before decoding
 * @param maxPending     requests for the engine at once (one computing, the rest waiting); beyond them 429
 * @param trainCommand   the command that runs {@code regen train} in a process of its own, to which a job's
 *                       options are appended; empty when the studio cannot start training
 */
public record StudioSettings(Path models, String host, int port, long maxUploadBytes, int maxImageSide, int maxPending,
                             List<String> trainCommand) {
    /** The defaults for everything but the folder, the address and the training command. */
    public static final long DEFAULT_UPLOAD_BYTES = 16L << 20;
    /** The side beyond which an upload is refused: 4 megapixels (48 MiB as floats), far beyond any model's size. */
    public static final int DEFAULT_IMAGE_SIDE = 2048;
    /** Enough waiting requests for a page's slider and a few clients, not enough to exhaust memory. */
    public static final int DEFAULT_PENDING = 32;

    /** Validates the settings. */
    public StudioSettings {
        Check.range("port", port, 0, 65_535);
        Check.range("maximum upload bytes", maxUploadBytes, 1024, Integer.MAX_VALUE);
        Check.range("maximum image side", maxImageSide, 1, 4096);
        Check.range("maximum pending requests", maxPending, 1, 10_000);
        models = models.toAbsolutePath().normalize();
        trainCommand = List.copyOf(trainCommand);
    }

    /** Defaults for {@code models} on {@code host}:{@code port}, with the given training command. */
    public static StudioSettings of(Path models, String host, int port, List<String> trainCommand) {
        return new StudioSettings(models, host, port, DEFAULT_UPLOAD_BYTES, DEFAULT_IMAGE_SIDE, DEFAULT_PENDING,
                trainCommand);
    }
}
