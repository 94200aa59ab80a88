package dev.regen.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The network a model file holds, and the family (VAE or GAN) it belongs to. */
public enum ModelKind implements Named {
    /** Convolutional VAE whose depth adapts to the image size. */
    CONV_VAE("conv-vae", Family.VAE),
    /** Fully connected VAE on flattened images. */
    MLP_VAE("mlp-vae", Family.VAE),
    /** Deep convolutional GAN (Radford et al. 2016): non-saturating loss, batch norm in the generator. */
    DCGAN("dcgan", Family.GAN),
    /** Wasserstein GAN with gradient penalty (Gulrajani et al. 2017): several critic steps per generator step. */
    WGAN_GP("wgan-gp", Family.GAN),
    /** Hinge-loss GAN with a spectrally normalised discriminator (Miyato et al. 2018). */
    SNGAN("sngan", Family.GAN),
    /** A conv VAE whose decoder is also trained against a discriminator (Larsen et al. 2016). */
    VAE_GAN("vae-gan", Family.VAE_GAN),
    /**
     * Paired image-to-image translation (Isola et al. 2017): a U-Net generator trained against a
     * PatchGAN discriminator on (input, output) pairs, plus an L1 term.
     */
    PIX2PIX("pix2pix", Family.PIX2PIX),
    /**
     * Unpaired image-to-image translation (Zhu et al. 2017): two residual generators, one each way,
     * and a PatchGAN discriminator per domain, kept consistent by the cycle a -> b -> a.
     */
    CYCLEGAN("cyclegan", Family.CYCLEGAN),
    /** A small CNN classifier whose hidden features measure generated images (see eval). */
    CLASSIFIER("classifier", Family.CLASSIFIER);

    /** Model families: each has its own training step and file type. */
    public enum Family {
        /** Variational autoencoders. */
        VAE,
        /** Generative adversarial networks. */
        GAN,
        /** VAEs with an adversarial term on their decoder. */
        VAE_GAN,
        /** Translators of images from one domain to another, trained on pairs. */
        PIX2PIX,
        /** Translators both ways between two domains, trained on unpaired images. */
        CYCLEGAN,
        /** Image classifiers, trained to score generative models. */
        CLASSIFIER;

        /** The {@code type} written in model files. */
        public String type() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final String id;
    private final Family family;

    ModelKind(String id, Family family) {
        this.id = id;
        this.family = family;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** Whether this is a VAE or a GAN. */
    public Family family() {
        return family;
    }

    /** Whether models of this kind translate images of one domain into another. */
    public boolean translates() {
        return family == Family.PIX2PIX || family == Family.CYCLEGAN;
    }

    /** Parses a setting name such as {@code conv-vae}. */
    @JsonCreator
    public static ModelKind parse(String name) {
        return Named.parse(ModelKind.class, "model", name);
    }
}
