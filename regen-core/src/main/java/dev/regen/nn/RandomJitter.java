package dev.regen.nn;

import org.bytedeco.pytorch.Tensor;

/**
 * The random jitter and mirroring that pix2pix and CycleGAN train with (Isola et al. 2017,
 * section 6.2: images of 256 resized to 286, cropped back to 256 at a random place, and mirrored at
 * random), without the resize, so that training and test images keep one scale: each image is
 * moved by whole pixels, up to 1/16 of its size each way (the original's 15 of 256), the border
 * pixels repeated into the uncovered strip, and mirrored left to right with probability 1/2.
 * Channels move together, so a pair stacked as channels stays a pair. Draws come from the engine's
 * generator, which the trainer seeds per step, so resumed runs jitter alike.
 */
public final class RandomJitter {
    private static final double REACH = 1.0 / 16;

    private RandomJitter() {
    }

    /** {@code images} [B, C, H, W], each moved and perhaps mirrored at random. */
    public static Tensor apply(Tensor images) {
        long b = images.size(0);
        Tensor mirror = PixelMoves.mirrorings(b);
        Tensor shiftX = PixelMoves.shifts(b, Math.round(images.size(3) * REACH));
        Tensor shiftY = PixelMoves.shifts(b, Math.round(images.size(2) * REACH));
        return PixelMoves.moved(images, mirror, shiftX, shiftY, PixelMoves.BORDER);
    }
}
