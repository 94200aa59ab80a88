package dev.regen.nn;

import dev.regen.config.FeatureNorm;
import dev.regen.config.ImageShape;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslationNetworksTest {
    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    @ParameterizedTest
    @CsvSource({"3,3,64,64,6,instance", "1,3,28,28,4,batch", "3,1,28,20,4,none", "1,1,5,7,2,instance",
            "3,3,256,256,8,instance", "2,2,300,300,8,none"})
    void translatesEveryShapeToTheOutputsAndThePatchGanScoresPatches(int in, int out, int h, int w, int levels,
                                                                     String norm) {
        try (PointerScope scope = new PointerScope()) {
            ImageShape output = new ImageShape(out, h, w);
            UNet unet = new UNet(in, output, 4, FeatureNorm.parse(norm));
            assertEquals(levels, unet.levels());
            Tensor translated = unet.forward(torch.rand(2, in, h, w));
            assertArrayEquals(new long[]{2, out, h, w}, translated.sizes().vec().get());
            assertTrue(translated.min().item_double() >= 0 && translated.max().item_double() <= 1, "in [0, 1]");
            Tensor scores = new PatchDiscriminator(output.withChannels(in + out), 4, FeatureNorm.parse(norm))
                    .forward(torch.rand(2, in + out, h, w));
            assertEquals(4, scores.dim());
            assertEquals(2, scores.size(0));
            assertEquals(1, scores.size(1));
        }
    }

    @Test
    void relitColoursTakeTheGreyLumaAndKeepTheirChannelDifferencesUnlessTheyClip() {
        try (PointerScope scope = new PointerScope()) {
            Tensor colour = torch.rand(2, 3, 4, 5).mul(Tensors.scalar(0.4)).add(Tensors.scalar(0.3));
            Tensor grey = torch.rand(2, 1, 4, 5).mul(Tensors.scalar(0.2)).add(Tensors.scalar(0.4));
            Tensor relit = Lightness.relit(colour, grey);
            Tensor luma = relit.narrow(1, 0, 1).mul(Tensors.scalar(0.299)).add(relit.narrow(1, 1, 1)
                    .mul(Tensors.scalar(0.587))).add(relit.narrow(1, 2, 1).mul(Tensors.scalar(0.114)));
            assertEquals(0, luma.sub(grey).abs().max().item_double(), 1e-6);
            Tensor differences = relit.sub(relit.narrow(1, 0, 1)).sub(colour.sub(colour.narrow(1, 0, 1)));
            assertEquals(0, differences.abs().max().item_double(), 1e-6);
            Tensor white = Lightness.relit(torch.full(new long[]{1, 3, 1, 1}, Tensors.scalar(0.5)),
                    torch.ones(1, 1, 1, 1));
            assertEquals(1, white.min().item_double(), 1e-6, "a grey of 1 relights anything to white");
        }
    }

    @Test
    void instanceNormStandardisesEachChannelOfEachImageOverItsPixels() {
        try (PointerScope scope = new PointerScope()) {
            Tensor maps = torch.randn(2, 3, 5, 7).mul(Tensors.scalar(4.0)).add(Tensors.scalar(3.0));
            Tensor normed = new NormLayer(new Module(), "norm", FeatureNorm.INSTANCE, 3).forward(maps);
            T_TensorTensor_T varMean = torch.var_mean(maps, new long[]{2, 3}, false, true);
            Tensor expected = maps.sub(varMean.get1()).div(varMean.get0().add(Tensors.scalar(1e-5)).sqrt());
            assertEquals(0, normed.sub(expected).abs().max().item_double(), 1e-5);
        }
    }

    @ParameterizedTest
    @CsvSource({"3,3,64,64,instance", "1,3,28,28,batch", "3,1,29,17,none", "2,2,5,6,instance"})
    void theResidualGeneratorGivesBackTheSizeItIsGivenEvenOrOdd(int in, int out, int h, int w, String norm) {
        try (PointerScope scope = new PointerScope()) {
            ResnetGenerator generator = new ResnetGenerator(in, new ImageShape(out, h, w), 4, FeatureNorm.parse(norm));
            Tensor translated = generator.forward(torch.rand(2, in, h, w));
            assertArrayEquals(new long[]{2, out, h, w}, translated.sizes().vec().get());
            assertArrayEquals(new long[]{1, out, h + 3, w + 1},
                    generator.forward(torch.rand(1, in, h + 3, w + 1)).sizes().vec().get(), "any other size too");
        }
    }

    @Test
    void aPoolPassesItsFirstFakesOnThenGivesEachNewOneOrAStoredOneInItsPlace() {
        try (PointerScope scope = new PointerScope()) {
            Torch.seed(9);
            ImageShape shape = new ImageShape(1, 2, 2);
            ImagePool pool = new ImagePool(3, shape);
            List<Double> seen = new ArrayList<>();
            int swapped = 0;
            for (int step = 0; step < 20; step++) {
                Tensor fakes = torch.full(new long[]{2, 1, 2, 2}, Tensors.scalar(step * 2)).add(
                        torch.arange(Tensors.scalar(2)).view(2, 1, 1, 1));
                Tensor out = pool.query(fakes);
                for (int i = 0; i < 2; i++) {
                    double value = out.select(0, i).mean().item_double();
                    double own = step * 2 + i;
                    assertTrue(value == own || seen.contains(value), "step " + step + ": " + value);
                    if (step * 2 + i < 3) {
                        assertEquals(own, value, "the first three fill the pool and pass on");
                    }
                    swapped += value == own ? 0 : 1;
                    // Fakes are queried one by one, so the second of a batch may draw the first.
                    seen.add(own);
                }
            }
            assertTrue(swapped > 5 && swapped < 35, "about half of the 37 after the pool filled: " + swapped);
            Tensor fakes = torch.rand(4, 1, 2, 2);
            assertTrue(torch.equal(fakes, new ImagePool(0, shape).query(fakes)), "an empty pool passes fakes on");
        }
    }
}
