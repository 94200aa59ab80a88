package dev.regen.translate;

import dev.regen.RegenException;
import dev.regen.config.FeatureNorm;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TranslationDirection;
import dev.regen.model.CycleGan;
import dev.regen.model.Pix2Pix;
import dev.regen.nn.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Translating with one model and with an ensemble of them, at the training size and at others. */
class ImageTranslatorTest {
    private static final ImageShape COLOUR = new ImageShape(3, 16, 16);
    private static Pix2Pix first;
    private static Pix2Pix second;

    @BeforeAll
    static void models() {
        Torch.start(2);
        Torch.seed(1L);
        first = pix2pix(3);
        Torch.seed(2L);
        second = pix2pix(3);
    }

    private static Pix2Pix pix2pix(int sourceChannels) {
        return new Pix2Pix(ModelConfig.translator(ModelKind.PIX2PIX, COLOUR, sourceChannels, 4, FeatureNorm.INSTANCE));
    }

    private static float[] images(int n, ImageShape shape, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[n * shape.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return pixels;
    }

    @Test
    void anEnsemblesTranslationIsTheMeanOfItsMembers() {
        float[] batch = images(3, COLOUR, 5);
        float[] one = new ImageTranslator(first).translate(batch, 3, TranslationDirection.A2B);
        float[] other = new ImageTranslator(second).translate(batch, 3, TranslationDirection.A2B);
        float[] both = new ImageTranslator(List.of(first, second)).translate(batch, 3, TranslationDirection.A2B);
        float[] mean = new float[one.length];
        double apart = 0;
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (one[i] + other[i]) / 2;
            apart = Math.max(apart, Math.abs(one[i] - other[i]));
        }
        assertTrue(apart > 0.01, "the two seeds translate differently: " + apart);
        assertArrayEquals(mean, both, 1e-6f);
    }

    @Test
    void imagesOfTheirOwnSizeTranslateAsTheBatchAtTheTrainingSize() {
        float[] image = images(1, COLOUR, 6);
        ImageTranslator ensemble = new ImageTranslator(List.of(first, second));
        ImageTranslator.Translated own = ensemble.translate(image, COLOUR, TranslationDirection.A2B);
        assertEquals(COLOUR, own.shape());
        assertFalse(own.padded());
        assertArrayEquals(ensemble.translate(image, 1, TranslationDirection.A2B), own.pixels(), 1e-6f);
        ImageShape odd = new ImageShape(3, 20, 12);
        ImageTranslator.Translated padded = ensemble.translate(images(1, odd, 7), odd, TranslationDirection.A2B);
        assertEquals(odd, padded.shape());
        assertTrue(padded.padded(), "sides padded to a multiple of " + ensemble.sizeMultiple());
    }

    @Test
    void anEnsembleOfModelsOfOtherShapesOrWithoutTheDirectionIsRefused() {
        RegenException shapes = assertThrows(RegenException.class,
                () -> new ImageTranslator(List.of(first, pix2pix(1))));
        assertEquals("an ensemble averages models of one shape: a pix2pix model of 1x16x16 -> 3x16x16 images against "
                + "a pix2pix model of 3x16x16 -> 3x16x16 images", shapes.getMessage());
        CycleGan cycle = new CycleGan(ModelConfig.translator(ModelKind.CYCLEGAN, COLOUR, 3, 4, FeatureNorm.INSTANCE));
        ImageTranslator mixed = new ImageTranslator(List.of(cycle, first));
        assertEquals(16, mixed.sizeMultiple(), "the U-Net's 16 over the CycleGAN's 1");
        RegenException back = assertThrows(RegenException.class,
                () -> mixed.translate(images(1, COLOUR, 8), 1, TranslationDirection.B2A));
        assertTrue(back.getMessage().contains("b2a needs a two-way model"), back.getMessage());
    }
}
