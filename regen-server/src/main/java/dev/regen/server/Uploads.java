package dev.regen.server;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.ImageShape;
import dev.regen.data.ImageDecoder;
import dev.regen.data.Reshaped;

import java.awt.Dimension;
import java.util.Base64;

/**
 * Decodes the images a page uploads: base64 file bytes (a {@code data:} URL or bare), checked
 * before a pixel is decoded. A body over the size limit never gets here (413 from the server);
 * a file that is no image gets 415; one whose header declares more pixels than the limit, a
 * decompression bomb, gets 413 from its header alone.
 */
final class Uploads {
    private final int maxSide;

    Uploads(int maxSide) {
        this.maxSide = maxSide;
    }

    /** The file bytes of the upload {@code field}, unchecked. */
    private static byte[] bytes(String field, String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw StudioError.badRequest("give the image '" + field + "' (base64 file bytes or a data: URL)");
        }
        int comma = encoded.startsWith("data:") ? encoded.indexOf(',') : -1;
        if (encoded.startsWith("data:") && (comma < 0 || !encoded.substring(0, comma).endsWith(";base64"))) {
            throw StudioError.badRequest("the image '" + field + "' is a data: URL without base64 data");
        }
        try {
            return Base64.getDecoder().decode(encoded.substring(comma + 1).replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw StudioError.badRequest("the image '" + field + "' is not base64: " + e.getMessage());
        }
    }

    /** The upload {@code field} decoded, transparent pixels composited onto {@code background}. */
    ImageDecoder.Decoded decode(String field, String encoded, Background background) {
        byte[] bytes = checked(field, encoded);
        try {
            return ImageDecoder.decode("'" + field + "'", bytes, background);
        } catch (RegenException e) {
            throw new StudioError(415, e.getMessage());
        }
    }

    /** The upload {@code field} decoded and converted to {@code shape} (resized, channels as data reading does). */
    float[] decode(String field, String encoded, Background background, ImageShape shape) {
        ImageDecoder.Decoded upload = decode(field, encoded, background);
        return Reshaped.image(upload.pixels(), upload.shape(), shape);
    }

    /** The file bytes of the upload {@code field}, once its header shows an image within the size limit. */
    byte[] checked(String field, String encoded) {
        byte[] bytes = bytes(field, encoded);
        Dimension size = ImageDecoder.declaredSize(bytes);
        if (size == null) {
            throw new StudioError(415, "the upload '" + field + "' is not a " + ImageDecoder.FORMATS + " image");
        }
        if (size.width > maxSide || size.height > maxSide || size.width < 1 || size.height < 1) {
            throw new StudioError(413, "the upload '" + field + "' declares " + size.width + " x " + size.height
                    + " pixels; the studio takes images of at most " + maxSide + " on a side");
        }
        return bytes;
    }
}
