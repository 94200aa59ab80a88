package dev.regen.server;

/**
 * The body of a request on an uploaded image: restore, edit or translate it. Each use reads the
 * fields it needs.
 *
 * @param model     the model's name
 * @param image     the image, as a data URL or base64 file bytes
 * @param mask      inpainting: a black-and-white image of the image's size, white where pixels are missing
 * @param task      restoration: denoise, inpaint, superres or deblur
 * @param method    restoration: projection, optimisation, posterior or network (default network for a
 *                  restoration network, else optimisation)
 * @param sigma     restoration: the noise (denoise) or blur (deblur) standard deviation (default 0.1)
 * @param factor    restoration: the enlargement factor (superres, default 2)
 * @param damage    restoration: {@code apply} to damage the clean upload here first (default), or
 *                  {@code observed} when the upload is already the damaged image
 * @param samples   posterior sampling: samples to show (default 8)
 * @param seed      the seed of everything random (default 1)
 * @param direction edit: the latent direction's name; translate: a2b or b2a (default a2b)
 * @param amount    edit: how far, in the direction's standard deviations
 */
record ImageRequest(String model, String image, String mask, String task, String method, Double sigma,
                    Integer factor, String damage, Integer samples, Long seed, String direction, Double amount) {
    long seedOr1() {
        return seed == null ? 1 : seed;
    }
}
