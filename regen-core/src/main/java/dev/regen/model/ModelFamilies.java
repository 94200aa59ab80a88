package dev.regen.model;

import dev.regen.RegenException;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.nn.Torch;

import java.util.List;

/** The registry of model families: one line per family. */
public final class ModelFamilies {
    static {
        // Before the families below load libtorch's classes (see Torch.extractNatives).
        Torch.extractNatives();
    }

    private static final List<ModelFamily<?>> ALL = List.of(Vae.FAMILY, Gan.FAMILY, VaeGan.FAMILY, Pix2Pix.FAMILY,
            CycleGan.FAMILY, Classifier.FAMILY);

    private ModelFamilies() {
    }

    /** The family of {@code kind}. */
    public static ModelFamily<?> of(ModelKind kind) {
        return ALL.stream().filter(f -> f.family() == kind.family()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no family registered for " + kind));
    }

    /** The defaults of {@code kind}. */
    public static ModelFamily.Defaults defaults(ModelKind kind) {
        return of(kind).defaults().apply(kind);
    }

    /** Fails unless {@code training} suits {@code model}. */
    public static void validate(ModelConfig model, TrainConfig training) {
        if (training.translation().jitter() && !model.kind().translates()) {
            throw new RegenException("random jitter moves the training pairs of pix2pix and cyclegan, not the "
                    + "images of " + model.kind().id());
        }
        if (training.translation().lambdaSsim() > 0 && model.kind() != ModelKind.PIX2PIX) {
            throw new RegenException("the SSIM loss compares pix2pix's translations with their paired targets; "
                    + model.kind().id() + " has no such targets");
        }
        ModelKind.Family family = model.kind().family();
        if (training.optimisation().emaDecay() > 0 && family != ModelKind.Family.GAN
                && family != ModelKind.Family.VAE_GAN && !model.kind().translates()) {
            throw new RegenException("--ema averages the generators of dcgan, wgan-gp, sngan, vae-gan, pix2pix and "
                    + "cyclegan, not the networks of " + model.kind().id());
        }
        of(model.kind()).validate(model, training);
    }

    /** The layers {@code config} builds, in one line. */
    public static String architecture(ModelConfig config) {
        return of(config.kind()).architecture().apply(config);
    }

    /** An untrained network for {@code config}, on the engine's device. */
    public static Network build(ModelConfig config) {
        Network network = of(config.kind()).factory().apply(config);
        Torch.place(network.network());
        return network;
    }

    /** Fails when {@code training} augments the images of a discriminator that this family does not train as a GAN. */
    static void refuseAugmentation(ModelConfig model, TrainConfig training) {
        if (!training.adversarial().augmentations().isEmpty()) {
            throw new RegenException("differentiable augmentation is applied by the GAN kinds (dcgan, wgan-gp, "
                    + "sngan), not by " + model.kind().id());
        }
    }

    /**
     * Fails when a translation model is asked for what belongs to other families (labels, the
     * importance-weighted bound, augmentation), or for a restoration task it cannot learn: only
     * pix2pix learns one, from pairs of damaged and clean images of the same channels.
     */
    static void validateTranslator(ModelConfig model, TrainConfig training) {
        if (training.objective().inputDamage() != null) {
            if (model.kind() != ModelKind.PIX2PIX) {
                throw new RegenException("a restoration task trains on pairs of damaged and clean images: train "
                        + "pix2pix for it, not " + model.kind().id());
            }
            if (model.sourceChannels() != model.shape().channels()) {
                throw new RegenException("a model trained for a restoration task restores images of its own "
                        + model.shape().channels() + " channels, not of " + model.sourceChannels());
            }
        }
        refuseIwae(model, training);
        refuseAugmentation(model, training);
        if (model.conditional()) {
            throw new RegenException(model.kind().id() + " translates images, conditioned on them, not on class labels");
        }
    }

    /**
     * Fails when {@code training} asks a family without a VAE objective for one of its settings: the
     * importance-weighted bound or a restoration task.
     */
    static void refuseVaeObjective(ModelConfig model, TrainConfig training) {
        refuseIwae(model, training);
        if (training.objective().inputDamage() != null) {
            throw new RegenException("training for a restoration task trains a VAE or pix2pix; " + model.kind().id()
                    + " is neither");
        }
    }

    private static void refuseIwae(ModelConfig model, TrainConfig training) {
        if (training.objective().iwae()) {
            throw new RegenException("the importance-weighted objective trains a VAE; " + model.kind().id()
                    + " is not a VAE");
        }
    }
}
