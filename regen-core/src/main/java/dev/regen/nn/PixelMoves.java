package dev.regen.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * Images moved by whole pixels and mirrored left to right, per image, by nearest-neighbour
 * resampling on an affine grid: exact at pixel centres, so no pixel is blurred.
 */
final class PixelMoves {
    /** Uncovered pixels are zero. */
    static final int ZEROS = 0;
    /** Uncovered pixels repeat the nearest border pixel. */
    static final int BORDER = 1;

    private PixelMoves() {
    }

    /**
     * {@code x} [B, C, H, W] with image i's pixel (row, column) read from (row + shiftY[i],
     * mirror[i] x column + shiftX[i]) about the centre; {@code mirror} [B] holds 1 or -1, the shifts
     * [B] whole pixels, {@code padding} {@link #ZEROS} or {@link #BORDER}.
     */
    static Tensor moved(Tensor x, Tensor mirror, Tensor shiftX, Tensor shiftY, int padding) {
        long b = x.size(0);
        long h = x.size(2);
        long w = x.size(3);
        Tensor ones = torch.ones(new long[]{b}, Torch.options());
        Tensor zeros = torch.zeros(new long[]{b}, Torch.options());
        // With align_corners false the grid spans [-1, 1] over the outer edges, so a pixel is 2 / size.
        Tensor theta = torch.stack(new TensorVector(mirror, zeros, shiftX.mul(scalar(2.0 / w)), zeros, ones,
                shiftY.mul(scalar(2.0 / h))), 1).view(b, 2, 3);
        Tensor grid = torch.affine_grid_generator(theta, new long[]{b, x.size(1), h, w}, false);
        return torch.grid_sampler(x, grid, 1 /* nearest */, padding, false);
    }

    /** Whole-pixel shifts drawn uniformly from [-reach, reach] per image, as floats [B]. */
    static Tensor shifts(long batch, long reach) {
        return Noise.uniform(batch).mul(scalar(2.0 * reach + 1)).floor().sub(scalar((double) reach));
    }

    /** No mirroring: ones [B]. */
    static Tensor unmirrored(long batch) {
        return torch.ones(new long[]{batch}, Torch.options());
    }

    /** 1 or -1 per image [B], each with probability 1/2. */
    static Tensor mirrorings(long batch) {
        return Noise.uniform(batch).mul(scalar(2.0)).floor().mul(scalar(-2.0)).add(scalar(1.0));
    }
}
