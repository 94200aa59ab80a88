package dev.regen.server;

/**
 * The body of an interpolation request.
 *
 * @param model     the model's name
 * @param from      the first end
 * @param to        the last end
 * @param steps     images along the way, ends included (default 8)
 * @param spherical spherical interpolation (slerp) instead of linear
 * @param label     a conditional model's class, else null
 */
record InterpolationRequest(String model, End from, End to, Integer steps, Boolean spherical, Integer label) {
    /**
     * One end: a prior sample or an image.
     *
     * @param seed  the seed of a prior sample
     * @param image an image as a data URL or base64 file bytes
     */
    record End(Long seed, String image) {
    }
}
