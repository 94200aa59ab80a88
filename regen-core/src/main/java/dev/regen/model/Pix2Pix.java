package dev.regen.model;

import dev.regen.config.GanLoss;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TranslationDirection;
import dev.regen.nn.Lightness;
import dev.regen.nn.PatchDiscriminator;
import dev.regen.nn.UNet;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * pix2pix (Isola et al. 2017, "Image-to-image translation with conditional adversarial networks"):
 * a U-Net generator G from domain A to domain B, and a PatchGAN discriminator D that sees an input
 * and an output stacked as channels, real pairs (a, b) against (a, G(a)). G minimises the GAN loss
 * plus lambda |G(a) - b|_1 (equation 4, lambda 100); D the GAN loss, halved.
 */
public final class Pix2Pix extends Module implements Translator {
    /** The pix2pix family: base width 64 and Adam at 2e-4, as the original. */
    public static final ModelFamily<Pix2Pix> FAMILY = new ModelFamily<>(ModelKind.Family.PIX2PIX, Pix2Pix.class,
            Pix2Pix::new, kind -> new ModelFamily.Defaults(1, 64, 2e-4, 1), ModelFamilies::validateTranslator,
            Pix2Pix::architecture);

    private final ModelConfig config;
    private final UNet generator;
    private final PatchDiscriminator discriminator;

    /** Builds an untrained pix2pix model. */
    public Pix2Pix(ModelConfig config) {
        if (config.kind() != ModelKind.PIX2PIX) {
            throw new IllegalArgumentException("not pix2pix: " + config.kind());
        }
        this.config = config;
        generator = register_module("generator", new UNet(config.sourceChannels(), config.shape(), config.width(),
                config.norm()));
        discriminator = register_module("discriminator", new PatchDiscriminator(config.dataShape(), config.width(),
                config.norm()));
    }

    static String architecture(ModelConfig c) {
        return "U-Net generator " + c.sourceShape() + " -> "
                + UNet.levels(c.shape().height(), c.shape().width()) + " levels from " + c.width() + " filters (4x4 stride-2 convolutions, skips, "
                + c.norm().id() + " norm) -> " + c.shape() + Translator.lightness(c)
                + "; PatchGAN discriminator on input and output stacked";
    }

    @Override
    public ModelConfig config() {
        return config;
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
    public Tensor translate(Tensor images, TranslationDirection direction) {
        if (direction != TranslationDirection.A2B) {
            throw new IllegalArgumentException("pix2pix translates from A to B only");
        }
        Tensor colour = generator.forward(images);
        return config.keepLightness() ? Lightness.relit(colour, images) : colour;
    }

    @Override
    public boolean translates(TranslationDirection direction) {
        return direction == TranslationDirection.A2B;
    }

    @Override
    public int sizeMultiple() {
        return generator.sizeMultiple();
    }

    /** Parameters the generator's optimizer updates. */
    public TensorVector generatorParameters() {
        return generator.parameters();
    }

    /** Parameters the discriminator's optimizer updates. */
    public TensorVector discriminatorParameters() {
        return discriminator.parameters();
    }

    /** The discriminator's loss on real pairs (a, b) and (a, fake), the fakes detached by the caller. */
    public Tensor discriminatorLoss(GanLoss loss, Tensor a, Tensor b, Tensor fake) {
        return AdversarialLoss.discriminator(loss, score(a, b), score(a, fake));
    }

    /**
     * The generator's loss for its fakes G(a) with targets b: adversarial plus {@code lambdaL1} times
     * the mean L1 distance, measured on images in [-1, 1] as the original's (twice that in [0, 1]),
     * so that its lambda means what theirs does.
     */
    public Tensor generatorLoss(GanLoss loss, double lambdaL1, Tensor a, Tensor b, Tensor fake) {
        return AdversarialLoss.generator(loss, score(a, fake)).add(torch.l1_loss(fake, b).mul(scalar(2 * lambdaL1)));
    }

    private Tensor score(Tensor a, Tensor b) {
        return discriminator.forward(torch.cat(new TensorVector(a, b), 1));
    }
}
