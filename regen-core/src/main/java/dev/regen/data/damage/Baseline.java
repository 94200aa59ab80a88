package dev.regen.data.damage;

/**
 * A classical restoration method, the kind a user would otherwise reach for, named with its one
 * parameter; restoration runs it (with OpenCV).
 *
 * @param kind      the method
 * @param parameter its parameter: the median's window, a blur's sigma, the noise sigma for
 *                  non-local means; 0 where the method has none
 */
public record Baseline(Kind kind, double parameter) {
    /** The classical methods. */
    public enum Kind {
        /** Median filter of a parameter x parameter window. */
        MEDIAN,
        /** Gaussian blur of sigma parameter. */
        GAUSSIAN_BLUR,
        /** Non-local means (Buades et al. 2005) for noise of sigma parameter. */
        NON_LOCAL_MEANS,
        /** Telea's fast-marching inpainting (2004). */
        TELEA,
        /** Navier-Stokes diffusion inpainting. */
        NAVIER_STOKES,
        /** Nearest-neighbour upscaling. */
        NEAREST,
        /** Bicubic upscaling. */
        BICUBIC,
        /** Unsharp masking with a blur of sigma parameter. */
        UNSHARP
    }

    /** A method without a parameter. */
    public static Baseline of(Kind kind) {
        return new Baseline(kind, 0);
    }
}
