package dev.regen.config;

/**
 * How a model is trained.
 *
 * @param epochs          passes over the training data
 * @param batchSize       images per optimisation step
 * @param learningRate    Adam step size
 * @param beta            weight of the KL term (beta-VAE; 1 is the plain ELBO)
 * @param klWarmupEpochs  epochs over which the KL weight ramps linearly from 0 to beta (0: none)
 * @param freeBits        nats per latent dimension below which the KL is not penalised (0: none)
 * @param gradClip        maximum global gradient norm (0: no clipping)
 * @param seed            seed for initialisation, data order and sampling noise
 * @param threads         libtorch intra-op threads (0: one per core)
 * @param criticSteps     GANs: discriminator steps per generator step
 * @param gradientPenalty WGAN-GP: weight of the gradient penalty
 * @param adversarialWeight VAE-GAN: weight of the adversarial loss in the decoder's objective
 * @param inputCorruption VAEs trained for a restoration task: the damage done to each input image,
 *                        as a corruption spec such as {@code noise:0.3}, with the clean image as the
 *                        target; null for ordinary training
 * @param iwaeSamples     VAEs: 0 or 1 trains on the ELBO; k > 1 on the importance-weighted bound
 *                        with k samples per image (Burda et al. 2015)
 * @param binarize        dynamic binarization: every training image is a fresh Bernoulli draw of
 *                        its pixel values each time it is used, the test images one fixed draw
 * @param schedule        how the learning rate changes over the epochs (null: constant, as files
 *                        written before schedules existed trained)
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, double beta, double klWarmupEpochs,
                          double freeBits, double gradClip, long seed, int threads, int criticSteps, double gradientPenalty,
                          double adversarialWeight, String inputCorruption, int iwaeSamples, boolean binarize,
                          LearningRateSchedule schedule) {
    /** Validates every field. */
    public TrainConfig {
        Check.range("epochs", epochs, 1, 100_000);
        Check.range("batch", batchSize, 1, 65_536);
        Check.range("lr", learningRate, 1e-8, 10.0);
        Check.range("beta", beta, 0.0, 1000.0);
        Check.range("kl-warmup", klWarmupEpochs, 0.0, 100_000.0);
        Check.range("free-bits", freeBits, 0.0, 100.0);
        Check.range("grad-clip", gradClip, 0.0, 1e9);
        Check.range("threads", threads, 0, 1024);
        // Files written before GANs existed have no critic steps; one is what they trained with.
        criticSteps = criticSteps == 0 ? 1 : criticSteps;
        Check.range("critic-steps", criticSteps, 1, 100);
        Check.range("gradient-penalty", gradientPenalty, 0.0, 1e6);
        Check.range("adversarial-weight", adversarialWeight, 0.0, 1e6);
        Check.range("k", iwaeSamples, 0, 100_000);
        schedule = schedule == null ? LearningRateSchedule.CONSTANT : schedule;
    }

    /** VAE training without GAN settings. */
    public TrainConfig(int epochs, int batchSize, double learningRate, double beta, double klWarmupEpochs,
                       double freeBits, double gradClip, long seed, int threads) {
        this(epochs, batchSize, learningRate, beta, klWarmupEpochs, freeBits, gradClip, seed, threads, 1, 10.0, 20.0,
                null, 0, false, LearningRateSchedule.CONSTANT);
    }

    /** Defaults: 10 epochs, batch 128, Adam 1e-3, plain ELBO, seed 1, all cores. */
    public static TrainConfig defaults() {
        return new TrainConfig(10, 128, 1e-3, 1.0, 0.0, 0.0, 0.0, 1L, 0);
    }

    /** A copy with another epoch count. */
    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(newEpochs, batchSize, learningRate, beta, klWarmupEpochs, freeBits, gradClip, seed,
                threads, criticSteps, gradientPenalty, adversarialWeight, inputCorruption, iwaeSamples, binarize,
                schedule);
    }

    /** A copy that trains on inputs damaged by {@code corruption} (a corruption spec), clean images as targets. */
    public TrainConfig withInputCorruption(String corruption) {
        return new TrainConfig(epochs, batchSize, learningRate, beta, klWarmupEpochs, freeBits, gradClip, seed,
                threads, criticSteps, gradientPenalty, adversarialWeight, corruption, iwaeSamples, binarize, schedule);
    }

    /** A copy that trains on the importance-weighted bound with {@code k} samples (1: the ELBO). */
    public TrainConfig withIwaeSamples(int k) {
        return new TrainConfig(epochs, batchSize, learningRate, beta, klWarmupEpochs, freeBits, gradClip, seed,
                threads, criticSteps, gradientPenalty, adversarialWeight, inputCorruption, k, binarize, schedule);
    }

    /** A copy with dynamic binarization on or off. */
    public TrainConfig withBinarization(boolean dynamic) {
        return new TrainConfig(epochs, batchSize, learningRate, beta, klWarmupEpochs, freeBits, gradClip, seed,
                threads, criticSteps, gradientPenalty, adversarialWeight, inputCorruption, iwaeSamples, dynamic,
                schedule);
    }

    /** A copy whose learning rate follows {@code newSchedule}. */
    public TrainConfig withSchedule(LearningRateSchedule newSchedule) {
        return new TrainConfig(epochs, batchSize, learningRate, beta, klWarmupEpochs, freeBits, gradClip, seed,
                threads, criticSteps, gradientPenalty, adversarialWeight, inputCorruption, iwaeSamples, binarize,
                newSchedule);
    }

    /** Whether a VAE trains on the importance-weighted bound (k > 1) rather than the ELBO. */
    public boolean iwaeObjective() {
        return iwaeSamples > 1;
    }
}
