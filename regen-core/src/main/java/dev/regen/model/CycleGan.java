package dev.regen.model;

import dev.regen.config.GanLoss;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.config.TranslationDirection;
import dev.regen.nn.Lightness;
import dev.regen.nn.PatchDiscriminator;
import dev.regen.nn.ResnetGenerator;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * CycleGAN (Zhu et al. 2017, "Unpaired image-to-image translation using cycle-consistent
 * adversarial networks"): generators G from domain A to B and F back (residual networks), and a
 * PatchGAN discriminator for each domain, trained on unpaired images. The generators minimise the
 * adversarial losses of both directions plus lambda times the cycle-consistency distances
 * |F(G(a)) - a|_1 + |G(F(b)) - b|_1 (equation 3) and, when the two domains have the same channels,
 * the identity distances |G(b) - b|_1 + |F(a) - a|_1 weighted by a share of lambda (section 5.2);
 * each discriminator its halved adversarial loss on real images and past fakes. L1 distances are
 * measured on images in [-1, 1], as the original's, so that its lambdas mean what theirs do.
 */
public final class CycleGan extends Module implements Translator {
    /** The CycleGAN family: base width 64 and Adam at 2e-4, as the original. */
    public static final ModelFamily<CycleGan> FAMILY = new ModelFamily<>(ModelKind.Family.CYCLEGAN, CycleGan.class,
            CycleGan::new, kind -> new ModelFamily.Defaults(1, 64, 2e-4, 1), ModelFamilies::validateTranslator,
            CycleGan::architecture);

    private final ModelConfig config;
    private final ResnetGenerator forward;
    private final ResnetGenerator backward;
    private final PatchDiscriminator judgeOfA;
    private final PatchDiscriminator judgeOfB;

    /** Builds an untrained CycleGAN between images of {@code config.sourceShape()} and {@code config.shape()}. */
    public CycleGan(ModelConfig config) {
        if (config.kind() != ModelKind.CYCLEGAN) {
            throw new IllegalArgumentException("not CycleGAN: " + config.kind());
        }
        this.config = config;
        ImageShape a = config.sourceShape();
        ImageShape b = config.shape();
        forward = register_module("generator_ab", new ResnetGenerator(a.channels(), b, config.width(),
                config.norm()));
        backward = register_module("generator_ba", new ResnetGenerator(b.channels(), a, config.width(),
                config.norm()));
        judgeOfA = register_module("discriminator_a", new PatchDiscriminator(a, config.width(), config.norm()));
        judgeOfB = register_module("discriminator_b", new PatchDiscriminator(b, config.width(), config.norm()));
    }

    static String architecture(ModelConfig c) {
        return "residual generators " + c.sourceShape() + " <-> " + c.shape() + Translator.lightness(c)
                + " (7x7 convolution, two 3x3 stride-2 down, " + ResnetGenerator.blocks(c.shape())
                + " residual blocks, two up, from " + c.width() + " filters, " + c.norm().id()
                + " norm); a PatchGAN discriminator per domain";
    }

    /** Whether the identity term applies: only between domains of the same channels. */
    public boolean hasIdentity() {
        return config.sourceChannels() == config.shape().channels();
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
        return direction == TranslationDirection.A2B ? toB(images) : backward.forward(images);
    }

    /** G(a), relit to a's lightness for a model that keeps it. */
    private Tensor toB(Tensor a) {
        Tensor colour = forward.forward(a);
        return config.keepLightness() ? Lightness.relit(colour, a) : colour;
    }

    @Override
    public boolean translates(TranslationDirection direction) {
        return true;
    }

    @Override
    public int sizeMultiple() {
        return 1;
    }

    /** Parameters the generators' optimizer updates: both generators. */
    public TensorVector generatorParameters() {
        TensorVector params = forward.parameters();
        TensorVector back = backward.parameters();
        for (long i = 0; i < back.size(); i++) {
            params.push_back(back.get(i));
        }
        return params;
    }

    /** Parameters the discriminators' optimizer updates: both discriminators. */
    public TensorVector discriminatorParameters() {
        TensorVector params = judgeOfA.parameters();
        TensorVector ofB = judgeOfB.parameters();
        for (long i = 0; i < ofB.size(); i++) {
            params.push_back(ofB.get(i));
        }
        return params;
    }

    /**
     * What one generator update computes.
     *
     * @param loss  the generators' whole loss
     * @param cycle the mean cycle-consistency distance of both directions, in [0, 1] units
     * @param fakeA F(b), for the discriminator of A (not detached)
     * @param fakeB G(a), for the discriminator of B (not detached)
     */
    public record GeneratorPass(Tensor loss, Tensor cycle, Tensor fakeA, Tensor fakeB) {
    }

    /** The generators' loss on real images a and b. */
    public GeneratorPass generatorPass(TrainConfig.Translation settings, Tensor a, Tensor b) {
        GanLoss gan = settings.ganLoss();
        Tensor fakeB = toB(a);
        Tensor fakeA = backward.forward(b);
        Tensor cycle = torch.l1_loss(backward.forward(fakeB), a).add(torch.l1_loss(toB(fakeA), b));
        Tensor loss = AdversarialLoss.generator(gan, judgeOfB.forward(fakeB))
                .add(AdversarialLoss.generator(gan, judgeOfA.forward(fakeA)))
                .add(cycle.mul(scalar(2 * settings.lambdaCycle())));
        if (hasIdentity() && settings.lambdaIdentity() > 0) {
            Tensor identity = torch.l1_loss(forward.forward(b), b).add(torch.l1_loss(backward.forward(a), a));
            loss = loss.add(identity.mul(scalar(2 * settings.lambdaCycle() * settings.lambdaIdentity())));
        }
        return new GeneratorPass(loss, cycle.mul(scalar(0.5)), fakeA, fakeB);
    }

    /** Both discriminators' halved losses on real images and fakes drawn from their pools. */
    public Tensor discriminatorLoss(GanLoss loss, Tensor a, Tensor b, Tensor fakeA, Tensor fakeB) {
        return AdversarialLoss.discriminator(loss, judgeOfA.forward(a), judgeOfA.forward(fakeA))
                .add(AdversarialLoss.discriminator(loss, judgeOfB.forward(b), judgeOfB.forward(fakeB)));
    }
}
