package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.config.Augmentation;
import dev.regen.config.FeatureNorm;
import dev.regen.config.GanLoss;
import dev.regen.config.Check;
import dev.regen.config.ImageShape;
import dev.regen.config.LearningRateSchedule;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.Precision;
import dev.regen.config.TrainConfig;
import dev.regen.data.DataSource;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Corruptions;
import dev.regen.data.damage.Task;
import dev.regen.model.ModelFamilies;
import dev.regen.model.ModelFamily;
import picocli.CommandLine.Option;

import java.util.List;

/** Model and training options of {@code regen train} and {@code regen demo}. */
final class TrainOptions {
    @Option(names = "--model", defaultValue = "conv-vae", paramLabel = "KIND",
            converter = Converters.Kind.class,
            description = "conv-vae, mlp-vae, dcgan, wgan-gp, sngan, vae-gan, pix2pix or cyclegan (default: "
                    + "${DEFAULT-VALUE})")
    ModelKind kind;

    @Option(names = "--conditional", description = "condition on the class labels of the data (folder names or "
            + "IDX label files)")
    boolean conditional;

    @Option(names = "--latent", description = "latent dimensions (default: 16 for VAEs, 64 for GANs)")
    Integer latent;

    @Option(names = "--width", paramLabel = "N",
            description = "filters of the first conv layer, or hidden units of the MLP (default: 32; pix2pix and "
                    + "cyclegan 64)")
    Integer width;

    @Option(names = "--likelihood", defaultValue = "bernoulli", converter = Converters.LikelihoodName.class,
            description = "bernoulli, gaussian or logistic (default: ${DEFAULT-VALUE})")
    Likelihood likelihood;

    @Option(names = "--prior-components", defaultValue = "0", paramLabel = "N",
            description = "VAEs: learn a mixture of N Gaussians as the prior p(z); 0 keeps the standard normal "
                    + "(default: ${DEFAULT-VALUE})")
    int priorComponents;

    @Option(names = "--tied", description = "conv VAE: the decoder's transposed convolutions reuse the encoder's "
            + "convolution weights (about half the convolution parameters)")
    boolean tied;

    @Option(names = "--beta", defaultValue = "1.0", description = "weight of the KL term (default: ${DEFAULT-VALUE})")
    double beta;

    @Option(names = "--kl-warmup", defaultValue = "0", paramLabel = "EPOCHS",
            description = "ramp the KL weight from 0 to beta over this many epochs (default: ${DEFAULT-VALUE})")
    double klWarmup;

    @Option(names = "--free-bits", defaultValue = "0", paramLabel = "NATS",
            description = "KL per latent dimension that costs nothing (default: ${DEFAULT-VALUE})")
    double freeBits;

    @Option(names = "--epochs", defaultValue = "10", description = "passes over the data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "images per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", description = "Adam learning rate (default: 1e-3 for VAEs, 2e-4 for dcgan and sngan, 1e-4 "
            + "for wgan-gp)")
    Double lr;

    @Option(names = "--lr-schedule", converter = Converters.ScheduleName.class, paramLabel = "constant|cosine|linear",
            description = "constant; cosine: anneal the learning rate to zero by the last epoch; linear: constant, "
                    + "then linearly to zero over the last --decay-epochs (default: linear for cyclegan, else "
                    + "constant)")
    LearningRateSchedule schedule;

    @Option(names = "--decay-epochs", defaultValue = "0", paramLabel = "N",
            description = "the linear schedule's last epochs, over which the rate falls to zero (default: half the "
                    + "epochs)")
    int decayEpochs;

    @Option(names = "--ema", defaultValue = "0", paramLabel = "DECAY",
            description = "GANs, vae-gan, pix2pix, cyclegan: keep a moving average of the generators' weights with "
                    + "this decay (e.g. 0.999), which the epoch reports and the final model use (default: "
                    + "${DEFAULT-VALUE}, none)")
    double ema;

    @Option(names = "--critic-steps", paramLabel = "N",
            description = "GANs: discriminator steps per generator step (default: 1 for dcgan, 5 for wgan-gp)")
    Integer criticSteps;

    @Option(names = "--gradient-penalty", defaultValue = "10", paramLabel = "LAMBDA",
            description = "wgan-gp: weight of the gradient penalty (default: ${DEFAULT-VALUE})")
    double gradientPenalty;

    @Option(names = "--adversarial-weight", defaultValue = "20", paramLabel = "W",
            description = "vae-gan: weight of the adversarial loss beside the reconstruction nats "
                    + "(default: ${DEFAULT-VALUE})")
    double adversarialWeight;

    @Option(names = "--diff-augment", split = ",", paramLabel = "color,translation,cutout",
            converter = Converters.AugmentationName.class,
            description = "GANs: differentiable augmentation of every image the discriminator sees, in order "
                    + "(DiffAugment, Zhao et al. 2020; default: none)")
    List<Augmentation> augmentations;

    @Option(names = "--norm", defaultValue = "instance", converter = Converters.NormName.class,
            paramLabel = "instance|batch|none",
            description = "pix2pix and cyclegan: how feature maps are normalised (default: ${DEFAULT-VALUE})")
    FeatureNorm norm;

    @Option(names = "--keep-lightness",
            description = "pix2pix and cyclegan from grey to colour (--input-channels 1): the output keeps the grey "
                    + "input's lightness and the generator supplies only the colour, as the pix2pix authors "
                    + "colourise in Lab")
    boolean keepLightness;

    @Option(names = "--gan-loss", converter = Converters.GanLossName.class, paramLabel = "vanilla|lsgan|hinge",
            description = "pix2pix and cyclegan: the adversarial loss (default: vanilla for pix2pix, lsgan for "
                    + "cyclegan, as the originals)")
    GanLoss ganLoss;

    @Option(names = "--lambda-l1", defaultValue = "100", paramLabel = "LAMBDA",
            description = "pix2pix: weight of the L1 distance to the target (default: ${DEFAULT-VALUE})")
    double lambdaL1;

    @Option(names = "--lambda-ssim", defaultValue = "0", paramLabel = "LAMBDA",
            description = "pix2pix: weight of 1 - SSIM of each translation against its target, added to the L1 "
                    + "term (Zhao et al. 2017; default: ${DEFAULT-VALUE}, none)")
    double lambdaSsim;

    @Option(names = "--lambda-cycle", defaultValue = "10", paramLabel = "LAMBDA",
            description = "cyclegan: weight of the cycle-consistency distances (default: ${DEFAULT-VALUE})")
    double lambdaCycle;

    @Option(names = "--lambda-identity", defaultValue = "0.5", paramLabel = "SHARE",
            description = "cyclegan: weight of the identity distances as a share of --lambda-cycle, when the two "
                    + "domains have the same channels (default: ${DEFAULT-VALUE})")
    double lambdaIdentity;

    @Option(names = "--pool-size", defaultValue = "50", paramLabel = "N",
            description = "cyclegan: past fakes each discriminator draws from (default: ${DEFAULT-VALUE})")
    int poolSize;

    @Option(names = "--jitter",
            description = "pix2pix and cyclegan: move each training image (with its pair) by up to 1/16 of its size "
                    + "and mirror it at random, as the originals' random jitter and mirroring")
    boolean jitter;

    @Option(names = "--grad-clip", defaultValue = "0", paramLabel = "NORM",
            description = "clip the gradient norm, 0 for none (default: ${DEFAULT-VALUE})")
    double gradClip;

    @Option(names = "--objective", defaultValue = "elbo", paramLabel = "elbo|iwae",
            description = "VAEs: the ELBO, or the importance-weighted bound with --k samples (default: ${DEFAULT-VALUE})")
    String objective;

    @Option(names = "--k", defaultValue = "50", description = "importance samples of --objective iwae "
            + "(default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--binarize", description = "dynamic binarization: each training image a fresh Bernoulli draw "
            + "of its pixels every time it is used, the test set one seeded draw")
    boolean binarize;

    @Option(names = "--task", paramLabel = "TASK", converter = Converters.TaskName.class,
            description = "VAEs and pix2pix: train for restoration, denoise|inpaint|superres|deblur, on damaged inputs "
                    + "with clean targets (pix2pix: a restoration network for 'regen restore --method network')")
    Task task;

    @Option(names = "--corruption", paramLabel = "SPEC",
            description = "the damage for --task (default: noise:0.3, box:14, down:2 or blur:1.0 by task)")
    String corruption;

    @Option(names = "--seed", defaultValue = "1", description = "seed of everything random (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "compute threads, 0 for one per core")
    int threads;

    @Option(names = "--precision", defaultValue = "fp32", paramLabel = "fp32|bf16", converter = Converters.PrecisionName.class,
            description = "number format of the training steps' convolutions and matrix products: bf16 autocasts "
                    + "them (fast on CPUs with AMX and on CUDA; default: ${DEFAULT-VALUE})")
    Precision precision;

    /** The architecture for the prepared data, unset options at the family's defaults. */
    ModelConfig model(DataSource.Prepared data) {
        ModelFamily.Defaults defaults = ModelFamilies.defaults(kind);
        int base = width != null ? width : defaults.width();
        // pix2pix for a restoration task learns from the images alone: its inputs are damaged copies.
        boolean restores = kind == ModelKind.PIX2PIX && task != null;
        if (restores && data.inputChannels() > 0) {
            throw new RegenException("pix2pix with --task learns to restore the images of --data from damaged copies "
                    + "of them: it takes no --target");
        }
        if (kind.translates() != data.inputChannels() > 0 && !restores) {
            throw new RegenException(kind.translates() ? kind.id() + " translates images: give the targets with "
                    + "--target DIR" : "--target gives a translation model (pix2pix, cyclegan) its targets, not "
                    + kind.id());
        }
        if (kind.translates()) {
            if (conditional) {
                throw new RegenException(kind.id() + " is conditioned on its input image, not on class labels");
            }
            ImageShape restored = data.split().train().shape();
            ModelConfig translator = restores ? ModelConfig.translator(kind, restored, restored.channels(), base, norm)
                    : ModelConfig.translator(kind, data.targetShape(), data.inputChannels(), base, norm);
            return keepLightness ? translator.keepingLightness() : translator;
        }
        if (keepLightness) {
            throw new RegenException("--keep-lightness belongs to pix2pix and cyclegan from grey to colour, not to "
                    + kind.id());
        }
        return model(data.split().train().shape(), data.split().train().classes());
    }

    /** The architecture for data of {@code shape} with {@code classes} labels, unset options at the family's defaults. */
    ModelConfig model(ImageShape shape, int classes) {
        ModelFamily.Defaults defaults = ModelFamilies.defaults(kind);
        return new ModelConfig(kind, shape, latent != null ? latent : defaults.latent(),
                likelihood, width != null ? width : defaults.width(), conditional ? classes : 0, priorComponents,
                tied);
    }

    /** The training settings, unset options at the family's defaults. */
    TrainConfig training() {
        ModelFamily.Defaults defaults = ModelFamilies.defaults(kind);
        return TrainConfig.builder().epochs(epochs).batchSize(batch)
                .learningRate(lr != null ? lr : defaults.learningRate())
                .schedule(schedule != null ? schedule : kind == ModelKind.CYCLEGAN ? LearningRateSchedule.LINEAR
                        : LearningRateSchedule.CONSTANT).decayEpochs(decayEpochs).emaDecay(ema).gradClip(gradClip)
                .beta(beta).klWarmupEpochs(klWarmup).freeBits(freeBits).iwaeSamples(iwaeSamples())
                .inputDamage(inputDamage())
                .criticSteps(criticSteps != null ? criticSteps : defaults.criticSteps())
                .gradientPenalty(gradientPenalty).adversarialWeight(adversarialWeight).augmentations(augmentations)
                .ganLoss(ganLoss != null ? ganLoss : kind == ModelKind.CYCLEGAN ? GanLoss.LSGAN : GanLoss.VANILLA)
                .lambdaL1(lambdaL1).lambdaSsim(lambdaSsim).lambdaCycle(lambdaCycle).lambdaIdentity(lambdaIdentity)
                .poolSize(poolSize).jitter(jitter)
                .binarize(binarize).seed(seed).threads(threads).precision(precision).build();
    }

    /** 0 for the ELBO, else the IWAE sample count. */
    private int iwaeSamples() {
        return switch (objective) {
            case "elbo" -> 0;
            case "iwae" -> {
                Check.range("--k", k, 2, 5000);
                yield k;
            }
            default -> throw new RegenException("--objective must be one of elbo|iwae, got '" + objective + "'");
        };
    }

    /**
     * The damage of {@code --task}: {@code --corruption}, checked against the task, or the task's
     * default; null without a task.
     */
    private Corruption inputDamage() {
        if (task == null) {
            if (corruption != null) {
                throw new RegenException("--corruption needs --task denoise|inpaint|superres|deblur");
            }
            return null;
        }
        return task.check(corruption != null ? Corruptions.parse(corruption) : task.defaultTrainingDamage());
    }
}
