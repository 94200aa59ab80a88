package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.config.LearningRateSchedule;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.restore.Corruption;
import dev.regen.restore.Corruptions;
import picocli.CommandLine.Option;

/** Model and training options of {@code regen train} and {@code regen demo}. */
final class TrainOptions {
    @Option(names = "--model", defaultValue = "conv-vae", paramLabel = "KIND",
            converter = Converters.Kind.class,
            description = "conv-vae, mlp-vae, dcgan, wgan-gp, sngan or vae-gan (default: ${DEFAULT-VALUE})")
    ModelKind kind;

    @Option(names = "--conditional", description = "condition on the class labels of the data (folder names or "
            + "IDX label files)")
    boolean conditional;

    @Option(names = "--latent", description = "latent dimensions (default: 16 for VAEs, 64 for GANs)")
    Integer latent;

    @Option(names = "--width", defaultValue = "32", paramLabel = "N",
            description = "filters of the first conv layer, or hidden units of the MLP (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--likelihood", defaultValue = "bernoulli", converter = Converters.LikelihoodName.class,
            description = "bernoulli, gaussian or logistic (default: ${DEFAULT-VALUE})")
    Likelihood likelihood;

    @Option(names = "--prior-components", defaultValue = "0", paramLabel = "N",
            description = "VAEs: learn a mixture of N Gaussians as the prior p(z); 0 keeps the standard normal "
                    + "(default: ${DEFAULT-VALUE})")
    int priorComponents;

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

    @Option(names = "--lr-schedule", defaultValue = "constant", converter = Converters.ScheduleName.class,
            paramLabel = "constant|cosine",
            description = "constant, or cosine: anneal the learning rate to zero by the last epoch (default: "
                    + "${DEFAULT-VALUE})")
    LearningRateSchedule schedule;

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

    @Option(names = "--task", paramLabel = "TASK",
            description = "VAEs: train for restoration, denoise|inpaint|superres, on damaged inputs with clean targets")
    String task;

    @Option(names = "--corruption", paramLabel = "SPEC", description = "the damage for --task (default: noise:0.3, "
            + "box:14 or down:2 by task)")
    String corruption;

    @Option(names = "--seed", defaultValue = "1", description = "seed of everything random (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "compute threads, 0 for one per core")
    int threads;

    ModelConfig model(ImageShape shape, int classes) {
        boolean gan = kind.family() == ModelKind.Family.GAN;
        if (priorComponents > 0 && freeBits > 0) {
            throw new RegenException("--free-bits splits the KL to the standard normal prior by dimension; "
                    + "it cannot be used with --prior-components");
        }
        return new ModelConfig(kind, shape, latent != null ? latent : gan ? 64 : 16, likelihood, width,
                conditional ? classes : 0, priorComponents);
    }

    TrainConfig training() {
        double rate = lr != null ? lr : switch (kind) {
            case DCGAN, SNGAN -> 2e-4;
            case WGAN_GP -> 1e-4;
            default -> 1e-3;
        };
        int critic = criticSteps != null ? criticSteps : kind == ModelKind.WGAN_GP ? 5 : 1;
        return new TrainConfig(epochs, batch, rate, beta, klWarmup, freeBits, gradClip, seed, threads, critic,
                gradientPenalty, adversarialWeight, inputCorruption(), iwaeSamples(), binarize, schedule);
    }

    /** 0 for the ELBO, else the IWAE sample count; checked against the model and other options. */
    private int iwaeSamples() {
        if (objective.equals("elbo")) {
            return 0;
        }
        if (!objective.equals("iwae")) {
            throw new RegenException("--objective must be one of elbo|iwae, got '" + objective + "'");
        }
        if (kind.family() != ModelKind.Family.VAE) {
            throw new RegenException("--objective iwae trains a VAE; " + kind.cliName() + " is not a VAE");
        }
        if (beta != 1.0 || freeBits > 0 || klWarmup > 0) {
            throw new RegenException("--objective iwae is a bound on log p(x); it takes no --beta, --free-bits or "
                    + "--kl-warmup");
        }
        dev.regen.config.Check.range("--k", k, 2, 5000);
        return k;
    }

    /** The corruption spec of {@code --task}, checked against the task and the model; null without a task. */
    private String inputCorruption() {
        if (task == null) {
            if (corruption != null) {
                throw new RegenException("--corruption needs --task denoise|inpaint|superres");
            }
            return null;
        }
        if (kind.family() != ModelKind.Family.VAE) {
            throw new RegenException("--task trains a VAE for restoration; " + kind.cliName() + " is not a VAE");
        }
        String spec = corruption != null ? corruption : switch (task) {
            case "denoise" -> "noise:0.3";
            case "inpaint" -> "box:14";
            case "superres" -> "down:2";
            default -> throw new RegenException("--task must be one of denoise|inpaint|superres, got '" + task + "'");
        };
        Corruption parsed = Corruptions.parse(spec);
        if (!parsed.task().name().equalsIgnoreCase(task)) {
            throw new RegenException("--corruption " + spec + " is not damage that --task " + task + " undoes");
        }
        return spec;
    }
}
