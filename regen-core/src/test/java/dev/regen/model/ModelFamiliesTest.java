package dev.regen.model;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.data.damage.Corruptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFamiliesTest {
    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    @Test
    void eachKindHasItsFamilysDefaults() {
        assertEquals(new ModelFamily.Defaults(16, 32, 1e-3, 1), ModelFamilies.defaults(ModelKind.CONV_VAE));
        assertEquals(new ModelFamily.Defaults(64, 32, 2e-4, 1), ModelFamilies.defaults(ModelKind.DCGAN));
        assertEquals(new ModelFamily.Defaults(64, 32, 2e-4, 1), ModelFamilies.defaults(ModelKind.SNGAN));
        assertEquals(new ModelFamily.Defaults(64, 32, 1e-4, 5), ModelFamilies.defaults(ModelKind.WGAN_GP));
        for (ModelKind kind : ModelKind.values()) {
            assertEquals(kind.family(), ModelFamilies.of(kind).family());
        }
    }

    @Test
    void settingsAFamilyDoesNotHaveAreRefusedByName() {
        ModelConfig gan = new ModelConfig(ModelKind.DCGAN, SHAPE, 8, Likelihood.BERNOULLI, 8);
        RegenException iwae = assertThrows(RegenException.class,
                () -> ModelFamilies.validate(gan, TrainConfig.builder().iwaeSamples(5).build()));
        assertEquals("the importance-weighted objective trains a VAE; dcgan is not a VAE", iwae.getMessage());
        ModelConfig vaeGan = new ModelConfig(ModelKind.VAE_GAN, SHAPE, 8, Likelihood.BERNOULLI, 8);
        assertThrows(RegenException.class, () -> ModelFamilies.validate(vaeGan,
                TrainConfig.builder().inputDamage(Corruptions.parse("box:14")).build()));
        ModelConfig vae = new ModelConfig(ModelKind.CONV_VAE, SHAPE, 8, Likelihood.BERNOULLI, 8, 0, 10);
        assertThrows(RegenException.class, () -> ModelFamilies.validate(vae,
                TrainConfig.builder().freeBits(0.1).build()));
        assertThrows(RegenException.class, () -> ModelFamilies.validate(vae,
                TrainConfig.builder().iwaeSamples(5).beta(2).build()));
        ModelFamilies.validate(vae, TrainConfig.builder().iwaeSamples(5).build());
        RegenException augment = assertThrows(RegenException.class, () -> ModelFamilies.validate(vae,
                TrainConfig.builder().augmentations(java.util.List.of(dev.regen.config.Augmentation.CUTOUT)).build()));
        assertEquals("differentiable augmentation is applied by the GAN kinds (dcgan, wgan-gp, sngan), not by conv-vae",
                augment.getMessage());
        ModelFamilies.validate(gan, TrainConfig.builder()
                .augmentations(java.util.List.of(dev.regen.config.Augmentation.CUTOUT)).build());
        RegenException jitter = assertThrows(RegenException.class, () -> ModelFamilies.validate(gan,
                TrainConfig.builder().jitter(true).build()));
        assertEquals("random jitter moves the training pairs of pix2pix and cyclegan, not the images of dcgan",
                jitter.getMessage());
        ModelFamilies.validate(ModelConfig.translator(ModelKind.PIX2PIX, new ImageShape(3, 32, 32), 3, 8,
                dev.regen.config.FeatureNorm.INSTANCE), TrainConfig.builder().jitter(true).lambdaSsim(10).build());
        RegenException ssim = assertThrows(RegenException.class, () -> ModelFamilies.validate(
                ModelConfig.translator(ModelKind.CYCLEGAN, new ImageShape(3, 32, 32), 3, 8,
                        dev.regen.config.FeatureNorm.INSTANCE), TrainConfig.builder().lambdaSsim(10).build()));
        assertEquals("the SSIM loss compares pix2pix's translations with their paired targets; cyclegan has no such "
                + "targets", ssim.getMessage());
        ModelFamilies.validate(gan, TrainConfig.builder().emaDecay(0.999).build());
        ModelFamilies.validate(vaeGan, TrainConfig.builder().emaDecay(0.999).build());
        RegenException ema = assertThrows(RegenException.class, () -> ModelFamilies.validate(vae,
                TrainConfig.builder().emaDecay(0.999).build()));
        assertEquals("--ema averages the generators of dcgan, wgan-gp, sngan, vae-gan, pix2pix and cyclegan, not the "
                + "networks of conv-vae", ema.getMessage());
    }

    @Test
    void onlyATranslatorFromGreyToColourKeepsItsInputsLightness() {
        ImageShape colour = new ImageShape(3, 32, 32);
        ModelConfig colourist = ModelConfig.translator(ModelKind.CYCLEGAN, colour, 1, 8,
                dev.regen.config.FeatureNorm.INSTANCE).keepingLightness();
        assertTrue(ModelFamilies.architecture(colourist).contains("(relit to the grey input's lightness)"),
                ModelFamilies.architecture(colourist));
        RegenException styles = assertThrows(RegenException.class, () -> ModelConfig.translator(ModelKind.PIX2PIX,
                colour, 3, 8, dev.regen.config.FeatureNorm.INSTANCE).keepingLightness());
        assertEquals("--keep-lightness colours grey images: it needs a translation model from 1 channel to 3, not "
                + "from 3 to 3", styles.getMessage());
    }

    @Test
    void a64PixelDcganOfWidth64HasTheReferenceFilters() {
        String layers = ModelFamilies.architecture(new ModelConfig(ModelKind.DCGAN, new ImageShape(3, 64, 64), 100,
                Likelihood.BERNOULLI, 64));
        assertTrue(layers.contains("generator latent 100 -> 512x4x4 -> 256x8x8 -> 128x16x16 -> 64x32x32 -> 3x64x64"),
                layers);
        assertTrue(layers.contains("discriminator 3x64x64 -> 64x32x32 -> 128x16x16 -> 256x8x8 -> 512x4x4"), layers);
        assertTrue(ModelFamilies.architecture(new ModelConfig(ModelKind.CONV_VAE, SHAPE, 16, Likelihood.BERNOULLI, 32))
                .startsWith("encoder 1x28x28 -> 32x14x14 -> 64x7x7"));
    }

    @Test
    void theFactoryBuildsTheFamilysNetwork() {
        dev.regen.nn.Torch.start(2);
        assertEquals(Gan.class, ModelFamilies.build(new ModelConfig(ModelKind.WGAN_GP, SHAPE, 8,
                Likelihood.BERNOULLI, 8)).getClass());
        assertEquals(Vae.class, ModelFamilies.build(new ModelConfig(ModelKind.MLP_VAE, SHAPE, 8,
                Likelihood.BERNOULLI, 8)).getClass());
    }
}
