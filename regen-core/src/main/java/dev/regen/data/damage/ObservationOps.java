package dev.regen.data.damage;

/**
 * The operations a damage's forward operator and its consistency step are made of, over a batch
 * of clean-image candidates of type {@code T} and the batch of damaged images they are checked
 * against. Restoration implements them on the engine's tensors; each {@link Corruption} composes
 * them, so that what a kind of damage does is written once, beside the kind.
 *
 * @param <T> a batch of images, channels first
 */
public interface ObservationOps<T> {
    /** The damaged images themselves. */
    T observed();

    /** {@code images} with every pixel the observation lost set to 0, as a mask leaves them. */
    T keepKnown(T images);

    /** {@code images} with every pixel the observation kept replaced by the observed value. */
    T putBackKnown(T images);

    /** The mean of each {@code factor} x {@code factor} block. */
    T averagePool(T images, int factor);

    /** {@code images} shifted block by block so that each block's mean is the observed one, clamped to [0, 1]. */
    T matchBlockMeans(T images, int factor);

    /** Each pixel repeated {@code factor} x {@code factor} times (nearest-neighbour enlargement). */
    T enlarge(T images, int factor);

    /** Separable convolution with the normalised 1-D {@code kernel} along rows then columns, edges replicated. */
    T blur(T images, float[] kernel);
}
