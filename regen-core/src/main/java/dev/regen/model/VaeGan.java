package dev.regen.model;

import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.nn.ConvDiscriminator;
import dev.regen.nn.ConvGeometry;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.Optional;

import static dev.regen.nn.Tensors.scalar;

/**
 * A VAE-GAN (Larsen et al. 2016): a conv VAE whose decoder also learns to fool a discriminator
 * that tells real images from reconstructions and prior samples, for sharper images than the
 * likelihood alone gives. This version keeps the VAE's pixel likelihood as the reconstruction term
 * and adds the non-saturating adversarial loss, weighted, to the decoder's objective.
 */
public final class VaeGan extends Module implements Generative {
    /** The VAE-GAN family: a VAE's defaults; the ELBO only, and no restoration task. */
    public static final ModelFamily<VaeGan> FAMILY = new ModelFamily<>(ModelKind.Family.VAE_GAN, VaeGan.class,
            VaeGan::new, kind -> new ModelFamily.Defaults(16, 32, 1e-3, 1), (model, training) -> {
                Vae.validate(model, training);
                ModelFamilies.refuseVaeObjective(model, training);
            }, c -> Vae.architecture(c) + "; discriminator " + ConvGeometry.of(c.shape(), c.width()).downward()
                    + " (4x4 stride-2 convolutions, leaky ReLU, batch norm) -> score");

    private final ModelConfig config;
    private final Vae vae;
    private final ConvDiscriminator discriminator;

    /** Builds an untrained VAE-GAN. */
    public VaeGan(ModelConfig config) {
        if (config.kind() != ModelKind.VAE_GAN) {
            throw new IllegalArgumentException("not a VAE-GAN: " + config.kind());
        }
        this.config = config;
        vae = register_module("vae", new Vae(config));
        discriminator = register_module("discriminator", new ConvDiscriminator(config.shape(), config.width(),
                config.classes(), ConvDiscriminator.Normalisation.BATCH));
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Tensor generate(Tensor latents, Tensor labels) {
        return vae.decode(latents, labels);
    }

    @Override
    public void evaluationMode(boolean evaluation) {
        train(!evaluation);
    }

    @Override
    public Module network() {
        return this;
    }

    @Override
    public Optional<Vae> autoencoder() {
        return Optional.of(vae);
    }

    /** The VAE inside: encoder, decoder and likelihoods. */
    public Vae vae() {
        return vae;
    }

    /** Parameters of the discriminator. */
    public TensorVector discriminatorParameters() {
        return discriminator.parameters();
    }

    /** Parameters of the VAE (encoder, decoder, likelihood scale). */
    public TensorVector vaeParameters() {
        return vae.parameters();
    }

    /**
     * The discriminator's loss: real images against reconstructions and prior samples, both
     * detached, -log D(x) - (log(1 - D(x~)) + log(1 - D(x_p))) / 2.
     */
    public Tensor discriminatorLoss(Tensor real, Tensor reconstructed, Tensor sampled, Tensor labels) {
        Tensor realTerm = torch.log_sigmoid(discriminator.forward(real, labels)).mean();
        Tensor fakeTerms = torch.log_sigmoid(discriminator.forward(reconstructed, labels).neg()).mean()
                .add(torch.log_sigmoid(discriminator.forward(sampled, labels).neg()).mean());
        return realTerm.add(fakeTerms.mul(scalar(0.5))).neg();
    }

    /** The non-saturating adversarial loss of the decoder on its reconstructions and samples. */
    public Tensor adversarialLoss(Tensor reconstructed, Tensor sampled, Tensor labels) {
        return torch.log_sigmoid(discriminator.forward(reconstructed, labels)).mean()
                .add(torch.log_sigmoid(discriminator.forward(sampled, labels)).mean()).mul(scalar(-0.5));
    }
}
