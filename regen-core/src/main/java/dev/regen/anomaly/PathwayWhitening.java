package dev.regen.anomaly;

import dev.regen.RegenException;
import dev.regen.data.ImageDataset;
import dev.regen.data.Shuffle;
import dev.regen.data.Subset;
import dev.regen.eval.VaeEvaluator;
import dev.regen.model.Vae;
import dev.regen.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.StringViewOptional;
import org.bytedeco.pytorch.T_TensorTensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.Arrays;
import java.util.Random;

/**
 * RaPP's normalised aggregation (NAP, Kim et al. 2020), fitted on normal images: an image's
 * pathway differences, centred on the normal images' mean, are projected on the principal axes of
 * the normal images' own differences and each coordinate divided by its singular value. A
 * direction then counts by how little it varies among normal images, not by the size of the layer
 * it comes from, which dominates the plain sum.
 */
public final class PathwayWhitening {
    /** Normal images fitted at most (a seeded draw beyond): the difference matrix and its SVD grow with them. */
    public static final int MAX_FIT_IMAGES = 5000;
    /**
     * Singular values below the largest times the matrix's larger side times this are dropped, as a
     * pseudo-inverse drops them: their directions hold rounding noise, which dividing by them would magnify.
     */
    private static final double FLOAT_EPSILON = Math.ulp(1f);

    private final Tensor mean;
    private final Tensor projection;
    private final int components;

    private PathwayWhitening(Tensor mean, Tensor projection, int components) {
        this.mean = mean;
        this.projection = projection;
        this.components = components;
    }

    /**
     * Fits the whitening on {@code normal} images (at most {@link #MAX_FIT_IMAGES}, drawn with
     * {@code seed}).
     *
     * @throws RegenException when there are fewer than two images
     */
    public static PathwayWhitening fit(Vae vae, ImageDataset normal, long seed) {
        if (normal.size() < 2) {
            throw new RegenException("the pathway-whitened score needs at least 2 normal images to fit; "
                    + normal.source() + " has " + normal.size());
        }
        ImageDataset fitted = normal.size() <= MAX_FIT_IMAGES ? normal : new Subset(normal,
                Arrays.stream(Shuffle.permutation(normal.size(), new Random(seed))).limit(MAX_FIT_IMAGES).sorted()
                        .toArray(), MAX_FIT_IMAGES + " drawn");
        // The scope frees the difference matrix and the SVD's factors; the mean and the projection, retained, stay.
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor differences = VaeEvaluator.pathwayDifferences(vae, fitted);
            Tensor mean = differences.mean(new long[]{0}, true, new ScalarTypeOptional());
            T_TensorTensorTensor_T svd = torch.linalg_svd(differences.sub(mean), false, new StringViewOptional());
            Tensor singular = svd.get1();
            double floor = singular.get(0).item_double() * Math.max(differences.size(0), differences.size(1))
                    * FLOAT_EPSILON;
            int kept = (int) singular.gt(Tensors.scalar(floor)).sum().item_long();
            Tensor projection = svd.get2().narrow(0, 0, kept).t().div(singular.narrow(0, 0, kept)).contiguous();
            mean.retainReference();
            projection.retainReference();
            return new PathwayWhitening(mean, projection, kept);
        }
    }

    /** Principal axes kept, at most one fewer than the normal images fitted. */
    public int components() {
        return components;
    }

    /** Each image's whitened squared norm [B] from its pathway differences [B, D]. */
    public Tensor score(Tensor differences) {
        return VaeEvaluator.sumOfSquares(differences.sub(mean).matmul(projection));
    }
}
