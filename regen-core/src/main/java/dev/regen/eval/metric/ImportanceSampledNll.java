package dev.regen.eval.metric;

/**
 * The importance-sampled negative log-likelihood (the IWAE bound of Burda et al. 2015), in nats
 * per image.
 *
 * @param nll        -log (1/K sum_k w_k), averaged over images: an upper bound on -log p(x) that
 *                   tightens as K grows
 * @param samples    importance samples K per image
 * @param dimensions values per image, for bits per dimension
 */
public record ImportanceSampledNll(double nll, int samples, int dimensions) {
    /** The NLL in bits per dimension. */
    public double bitsPerDimension() {
        return Nats.toBitsPerDimension(nll, dimensions);
    }
}
