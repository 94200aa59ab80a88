package dev.regen.nn;

import dev.regen.config.Augmentation;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.List;

import static dev.regen.nn.Tensors.scalar;

/**
 * Differentiable augmentation (Zhao et al. 2020, "Differentiable Augmentation for Data-Efficient
 * GAN Training", section 3): the same kind of random transform applied to real and generated
 * images before every discriminator pass, built from differentiable operations so that the
 * generator learns through it. The transforms and their strengths are the paper's: colour
 * (brightness +-0.5, saturation x [0, 2], contrast x [0.5, 1.5]), translation by up to 1/8 of the
 * image with zero padding, cutout of a rectangle half the image's height and width. They act on images in
 * [-1, 1] as in the paper's code, so padding and cutout fill with its zero, mid-grey; Regen's
 * [0, 1] images are mapped there and back. Draws come from the engine's generator, which the
 * trainer seeds per step, so resumed runs augment alike.
 */
public final class DiffAugment {
    private static final double TRANSLATION = 0.125;
    private static final double CUTOUT = 0.5;

    private DiffAugment() {
    }

    /** {@code images} [B, C, H, W] in [0, 1], transformed by each of {@code augmentations} in turn. */
    public static Tensor apply(Tensor images, List<Augmentation> augmentations) {
        if (augmentations.isEmpty()) {
            return images;
        }
        Tensor x = images.mul(scalar(2.0)).sub(scalar(1.0));
        for (Augmentation augmentation : augmentations) {
            x = switch (augmentation) {
                case COLOR -> colour(x);
                case TRANSLATION -> translation(x);
                case CUTOUT -> cutout(x);
            };
        }
        return x.add(scalar(1.0)).mul(scalar(0.5));
    }

    /** Random brightness, saturation and contrast per image. */
    static Tensor colour(Tensor x) {
        long b = x.size(0);
        Tensor bright = x.add(Noise.uniform(b, 1, 1, 1).sub(scalar(0.5)));
        Tensor grey = bright.mean(new long[]{1}, true, new org.bytedeco.pytorch.ScalarTypeOptional());
        Tensor saturated = bright.sub(grey).mul(Noise.uniform(b, 1, 1, 1).mul(scalar(2.0))).add(grey);
        Tensor mean = saturated.mean(new long[]{1, 2, 3}, true, new org.bytedeco.pytorch.ScalarTypeOptional());
        return saturated.sub(mean).mul(Noise.uniform(b, 1, 1, 1).add(scalar(0.5))).add(mean);
    }

    /** Each image moved by whole pixels, up to 1/8 of its size each way, uncovered pixels zero. */
    static Tensor translation(Tensor x) {
        long b = x.size(0);
        return PixelMoves.moved(x, PixelMoves.unmirrored(b), PixelMoves.shifts(b, Math.round(x.size(3) * TRANSLATION)),
                PixelMoves.shifts(b, Math.round(x.size(2) * TRANSLATION)), PixelMoves.ZEROS);
    }

    /**
     * A rectangle half the image's height and width set to zero in each image, at a random place
     * (it may reach past the edge).
     */
    static Tensor cutout(Tensor x) {
        long b = x.size(0);
        long h = x.size(2);
        long w = x.size(3);
        long sideH = Math.round(h * CUTOUT);
        long sideW = Math.round(w * CUTOUT);
        Tensor rows = torch.arange(new Scalar(h), Torch.options()).to(torch.ScalarType.Float).view(1, 1, h, 1);
        Tensor cols = torch.arange(new Scalar(w), Torch.options()).to(torch.ScalarType.Float).view(1, 1, 1, w);
        Tensor top = corner(b, h, sideH);
        Tensor left = corner(b, w, sideW);
        Tensor inRows = torch.logical_and(torch.ge(rows, top), torch.lt(rows, top.add(scalar((double) sideH))));
        Tensor inCols = torch.logical_and(torch.ge(cols, left), torch.lt(cols, left.add(scalar((double) sideW))));
        Tensor cut = torch.logical_and(inRows, inCols).to(torch.ScalarType.Float);
        return x.mul(cut.neg().add(scalar(1.0)));
    }

    /**
     * The first row (or column) of a cutout {@code side} pixels long, per image [B, 1, 1, 1]: its
     * centre is uniform over the image, as in the paper's code.
     */
    private static Tensor corner(long batch, long size, long side) {
        long centres = size + (1 - side % 2);
        return Noise.uniform(batch, 1, 1, 1).mul(scalar((double) centres)).floor().sub(scalar((double) (side / 2)));
    }
}
