package dev.regen.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.regen.RegenException;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Corruptions;

import java.util.List;
import java.util.Objects;

/**
 * How a model is trained: the optimisation every family shares, the VAE objective, the
 * adversarial settings of GANs and VAE-GANs, and the run's seed and threads. Build one with
 * {@link #builder()}; every setting not given keeps the default of {@link #defaults()}.
 *
 * @param optimisation how the optimizers run
 * @param objective    VAEs: what the loss is; other families ignore it
 * @param adversarial  GANs and VAE-GANs: the discriminator's part; other families ignore it
 * @param translation  translation models: their losses; other families ignore it (null, as in
 *                     files written before it existed: the defaults)
 * @param binarize     dynamic binarization: every training image is a fresh Bernoulli draw of its
 *                     pixel values each time it is used, the test images one fixed draw
 * @param seed         seed for initialisation, data order and sampling noise
 * @param threads      libtorch intra-op threads (0: one per core)
 * @param precision    the number format of the training steps' forward passes
 */
public record TrainConfig(Optimisation optimisation, Objective objective, Adversarial adversarial,
                          Translation translation, boolean binarize, long seed, int threads, Precision precision) {
    /** Validates the fields; a file written before precision was a setting trained in fp32. */
    public TrainConfig {
        Check.present("optimisation", optimisation);
        Check.present("objective", objective);
        Check.present("adversarial", adversarial);
        translation = translation == null ? builder().build().translation() : translation;
        Check.range("threads", threads, 0, 1024);
        precision = precision == null ? Precision.FP32 : precision;
    }

    /**
     * How the optimizers run.
     *
     * @param epochs       passes over the training data
     * @param batchSize    images per optimisation step
     * @param learningRate Adam step size
     * @param schedule     how the learning rate changes over the epochs
     * @param gradClip     maximum global gradient norm (0: no clipping)
     * @param decayEpochs  the linear schedule: the last epochs over which the rate falls to zero (0,
     *                     as in files written before it existed: the second half of the run)
     * @param emaDecay     GANs, VAE-GAN and translators: decay of the moving average of the generators' weights
     *                     that evaluation and the final model use ({@code nn.WeightAverage}); 0, as in files
     *                     written before it existed: none
     */
    public record Optimisation(int epochs, int batchSize, double learningRate, LearningRateSchedule schedule,
                               double gradClip, int decayEpochs, double emaDecay) {
        /** Validates the ranges. */
        public Optimisation {
            Check.range("epochs", epochs, 1, 100_000);
            Check.range("batch size", batchSize, 1, 65_536);
            Check.range("learning rate", learningRate, 1e-8, 10.0);
            Check.present("learning-rate schedule", schedule);
            Check.range("gradient clipping norm", gradClip, 0.0, 1e9);
            Check.range("decay epochs", decayEpochs, 0, epochs);
            Check.range("EMA decay", emaDecay, 0.0, 0.999_999);
        }
    }

    /**
     * A VAE's objective: the ELBO with beta, KL warm-up and free bits, or the importance-weighted
     * bound; for a model trained for a restoration task, on damaged inputs with clean targets.
     *
     * @param beta           weight of the KL term (beta-VAE; 1 is the plain ELBO)
     * @param klWarmupEpochs epochs over which the KL weight ramps linearly from 0 to beta (0: none)
     * @param freeBits       nats per latent dimension below which the KL is not penalised (0: none)
     * @param iwaeSamples    0 or 1 trains on the ELBO; k > 1 on the importance-weighted bound with k
     *                       samples per image (Burda et al. 2015)
     * @param inputDamage    the damage done to each input image, the clean image being the target;
     *                       null for ordinary training
     */
    public record Objective(double beta, double klWarmupEpochs, double freeBits, int iwaeSamples,
                            @JsonSerialize(using = ToStringSerializer.class)
                            @JsonDeserialize(converter = DamageSpec.class) Corruption inputDamage) {
        /** Validates the ranges. */
        public Objective {
            Check.range("beta", beta, 0.0, 1000.0);
            Check.range("KL warm-up epochs", klWarmupEpochs, 0.0, 100_000.0);
            Check.range("free bits", freeBits, 0.0, 100.0);
            Check.range("importance samples", iwaeSamples, 0, 100_000);
        }

        /** Whether the model trains on the importance-weighted bound (k > 1) rather than the ELBO. */
        public boolean iwae() {
            return iwaeSamples > 1;
        }
    }

    /**
     * The adversarial part of training.
     *
     * @param criticSteps       discriminator steps per generator step
     * @param gradientPenalty   WGAN-GP: weight of the gradient penalty
     * @param adversarialWeight VAE-GAN: weight of the adversarial loss in the decoder's objective
     * @param augmentations     GANs: the differentiable augmentations, in order, of every image the
     *                          discriminator sees (empty: none, as files written before them trained)
     */
    public record Adversarial(int criticSteps, double gradientPenalty, double adversarialWeight,
                              List<Augmentation> augmentations) {
        /** Validates the ranges. */
        public Adversarial {
            Check.range("critic steps", criticSteps, 1, 100);
            Check.range("gradient penalty", gradientPenalty, 0.0, 1e6);
            Check.range("adversarial weight", adversarialWeight, 0.0, 1e6);
            augmentations = augmentations == null ? List.of() : augmentations;
            if (augmentations.stream().anyMatch(Objects::isNull)
                    || augmentations.stream().distinct().count() < augmentations.size()) {
                throw new RegenException("augmentations: each may be given once, got " + String.join(", ",
                        augmentations.stream().map(a -> a == null ? "none" : a.id()).toList()));
            }
            augmentations = List.copyOf(augmentations);
        }
    }

    /**
     * The losses of a translation model.
     *
     * @param ganLoss        the adversarial loss
     * @param lambdaL1       pix2pix: weight of the L1 distance to the target (equation 4 of Isola et al.)
     * @param lambdaSsim     pix2pix: weight of 1 - SSIM against the target (Zhao et al. 2017), 0 for none (and in
     *                       files written before it)
     * @param lambdaCycle    CycleGAN: weight of the cycle-consistency L1 distances (equation 3 of Zhu et al.)
     * @param lambdaIdentity CycleGAN: weight of the identity L1 distances, as a share of {@code lambdaCycle}
     *                       (Zhu et al., section 5.2)
     * @param poolSize       CycleGAN: past fakes each discriminator draws from (Shrivastava et al. 2017), 0
     *                       for the newest only
     * @param jitter         whether training images are moved and mirrored at random, as the originals train
     *                       ({@code nn.RandomJitter}; false in files written before it)
     */
    public record Translation(GanLoss ganLoss, double lambdaL1, double lambdaSsim, double lambdaCycle,
                              double lambdaIdentity, int poolSize, boolean jitter) {
        /** Validates the ranges. */
        public Translation {
            Check.present("GAN loss", ganLoss);
            Check.range("lambda L1", lambdaL1, 0.0, 1e6);
            Check.range("lambda SSIM", lambdaSsim, 0.0, 1e6);
            Check.range("lambda cycle", lambdaCycle, 0.0, 1e6);
            Check.range("lambda identity", lambdaIdentity, 0.0, 1e6);
            Check.range("pool size", poolSize, 0, 10_000);
        }
    }

    /** Reads a damage from its written form in JSON. */
    static final class DamageSpec extends StdConverter<String, Corruption> {
        @Override
        public Corruption convert(String spec) {
            return Corruptions.parseStored(spec);
        }
    }

    /** 10 epochs, batch 128, Adam 1e-3 at a constant rate, the plain ELBO, one critic step, seed 1, all cores. */
    public static TrainConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().epochs(optimisation.epochs()).batchSize(optimisation.batchSize())
                .learningRate(optimisation.learningRate()).schedule(optimisation.schedule())
                .gradClip(optimisation.gradClip()).decayEpochs(optimisation.decayEpochs())
                .emaDecay(optimisation.emaDecay()).beta(objective.beta()).klWarmupEpochs(objective.klWarmupEpochs())
                .freeBits(objective.freeBits()).iwaeSamples(objective.iwaeSamples())
                .inputDamage(objective.inputDamage()).criticSteps(adversarial.criticSteps())
                .gradientPenalty(adversarial.gradientPenalty()).adversarialWeight(adversarial.adversarialWeight())
                .augmentations(adversarial.augmentations())
                .ganLoss(translation.ganLoss()).lambdaL1(translation.lambdaL1())
                .lambdaSsim(translation.lambdaSsim()).lambdaCycle(translation.lambdaCycle())
                .lambdaIdentity(translation.lambdaIdentity())
                .poolSize(translation.poolSize()).jitter(translation.jitter())
                .binarize(binarize).seed(seed).threads(threads).precision(precision);
    }

    /** Training settings by name; {@link #build()} validates them. */
    public static final class Builder {
        private int epochs = 10;
        private int batchSize = 128;
        private double learningRate = 1e-3;
        private LearningRateSchedule schedule = LearningRateSchedule.CONSTANT;
        private double gradClip;
        private int decayEpochs;
        private double emaDecay;
        private double beta = 1.0;
        private double klWarmupEpochs;
        private double freeBits;
        private int iwaeSamples;
        private Corruption inputDamage;
        private int criticSteps = 1;
        private double gradientPenalty = 10.0;
        private double adversarialWeight = 20.0;
        private List<Augmentation> augmentations = List.of();
        private GanLoss ganLoss = GanLoss.VANILLA;
        private double lambdaL1 = 100;
        private double lambdaSsim;
        private double lambdaCycle = 10;
        private double lambdaIdentity = 0.5;
        private int poolSize = 50;
        private boolean jitter;
        private boolean binarize;
        private long seed = 1;
        private int threads;
        private Precision precision = Precision.FP32;

        private Builder() {
        }

        /** Passes over the training data. */
        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        /** Images per optimisation step. */
        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** Adam's step size. */
        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        /** How the learning rate changes over the epochs. */
        public Builder schedule(LearningRateSchedule value) {
            schedule = value;
            return this;
        }

        /** Maximum global gradient norm, 0 for no clipping. */
        public Builder gradClip(double value) {
            gradClip = value;
            return this;
        }

        /** Weight of a VAE's KL term. */
        public Builder beta(double value) {
            beta = value;
            return this;
        }

        /** Epochs over which the KL weight ramps up from 0. */
        public Builder klWarmupEpochs(double value) {
            klWarmupEpochs = value;
            return this;
        }

        /** KL nats per latent dimension that cost nothing. */
        public Builder freeBits(double value) {
            freeBits = value;
            return this;
        }

        /** Samples of the importance-weighted bound; 0 or 1 for the ELBO. */
        public Builder iwaeSamples(int value) {
            iwaeSamples = value;
            return this;
        }

        /** Damage done to every input for a restoration task, or null. */
        public Builder inputDamage(Corruption value) {
            inputDamage = value;
            return this;
        }

        /** Discriminator steps per generator step. */
        public Builder criticSteps(int value) {
            criticSteps = value;
            return this;
        }

        /** WGAN-GP's gradient-penalty weight. */
        public Builder gradientPenalty(double value) {
            gradientPenalty = value;
            return this;
        }

        /** VAE-GAN's adversarial-loss weight. */
        public Builder adversarialWeight(double value) {
            adversarialWeight = value;
            return this;
        }

        /** The differentiable augmentations of a GAN's discriminator, in order. */
        public Builder augmentations(List<Augmentation> value) {
            augmentations = value;
            return this;
        }

        /** The linear schedule's decaying epochs at the end, 0 for the second half. */
        public Builder decayEpochs(int value) {
            decayEpochs = value;
            return this;
        }

        /** GANs, VAE-GAN and translators: the decay of the generators' weight average, 0 for none. */
        public Builder emaDecay(double value) {
            emaDecay = value;
            return this;
        }

        /** Translation models: the adversarial loss. */
        public Builder ganLoss(GanLoss value) {
            ganLoss = value;
            return this;
        }

        /** pix2pix: the weight of the L1 term. */
        public Builder lambdaL1(double value) {
            lambdaL1 = value;
            return this;
        }

        /** pix2pix: the weight of the SSIM term, 0 for none. */
        public Builder lambdaSsim(double value) {
            lambdaSsim = value;
            return this;
        }

        /** CycleGAN: the weight of the cycle-consistency term. */
        public Builder lambdaCycle(double value) {
            lambdaCycle = value;
            return this;
        }

        /** CycleGAN: the weight of the identity term, as a share of the cycle's. */
        public Builder lambdaIdentity(double value) {
            lambdaIdentity = value;
            return this;
        }

        /** CycleGAN: past fakes kept for each discriminator. */
        public Builder poolSize(int value) {
            poolSize = value;
            return this;
        }

        /** Translation models: random jitter and mirroring of the training images on or off. */
        public Builder jitter(boolean value) {
            jitter = value;
            return this;
        }

        /** Dynamic binarization on or off. */
        public Builder binarize(boolean value) {
            binarize = value;
            return this;
        }

        /** Seed of everything random. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Engine threads, 0 for one per core. */
        public Builder threads(int value) {
            threads = value;
            return this;
        }

        /** The number format of the training steps. */
        public Builder precision(Precision value) {
            precision = value;
            return this;
        }

        /** The validated settings. */
        public TrainConfig build() {
            return new TrainConfig(new Optimisation(epochs, batchSize, learningRate, schedule, gradClip, decayEpochs,
                    emaDecay),
                    new Objective(beta, klWarmupEpochs, freeBits, iwaeSamples, inputDamage),
                    new Adversarial(criticSteps, gradientPenalty, adversarialWeight, augmentations),
                    new Translation(ganLoss, lambdaL1, lambdaSsim, lambdaCycle, lambdaIdentity, poolSize, jitter),
                    binarize, seed, threads, precision);
        }
    }
}
