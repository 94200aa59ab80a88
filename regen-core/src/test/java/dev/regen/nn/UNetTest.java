package dev.regen.nn;

import dev.regen.config.FeatureNorm;
import dev.regen.config.ImageShape;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UNetTest {
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
}
