package dev.regen.eval.metric;

/**
 * The evidence lower bound on a dataset, as positive costs in nats per image.
 *
 * @param negativeElbo   reconstruction + KL: an upper bound on -log p(x)
 * @param reconstruction -E_q[log p(x|z)]
 * @param kl             KL(q(z|x) || p(z))
 * @param dimensions     values per image, for bits per dimension
 */
public record Elbo(double negativeElbo, double reconstruction, double kl, int dimensions) {
    /** The negative ELBO in bits per dimension. */
    public double bitsPerDimension() {
        return Nats.toBitsPerDimension(negativeElbo, dimensions);
    }
}
