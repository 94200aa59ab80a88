package dev.regen.model;

import dev.regen.config.GanLoss;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/** The adversarial losses of the translation models on a discriminator's logits (any shape, averaged). */
final class AdversarialLoss {
    private AdversarialLoss() {
    }

    /**
     * The discriminator's loss on real and fake logits, halved as pix2pix and CycleGAN do, so that it
     * learns at half the generator's pace.
     */
    static Tensor discriminator(GanLoss loss, Tensor real, Tensor fake) {
        Tensor sum = switch (loss) {
            case VANILLA -> torch.binary_cross_entropy_with_logits(real, torch.ones_like(real))
                    .add(torch.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake)));
            case LSGAN -> real.sub(scalar(1.0)).square().mean().add(fake.square().mean());
            case HINGE -> torch.relu(real.neg().add(scalar(1.0))).mean().add(torch.relu(fake.add(scalar(1.0))).mean());
        };
        return sum.mul(scalar(0.5));
    }

    /** The generator's loss on the logits of its fakes: the non-saturating one for the cross-entropy. */
    static Tensor generator(GanLoss loss, Tensor fake) {
        return switch (loss) {
            case VANILLA -> torch.binary_cross_entropy_with_logits(fake, torch.ones_like(fake));
            case LSGAN -> fake.sub(scalar(1.0)).square().mean();
            case HINGE -> fake.mean().neg();
        };
    }
}
