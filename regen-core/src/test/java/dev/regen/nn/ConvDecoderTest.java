package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without gradients the decoder paints its last layer as a patch GEMM; it must paint the same image,
 * of the right height and width, as the training path through the engine's transposed convolution.
 */
class ConvDecoderTest {
    @BeforeAll
    static void start() {
        Torch.start(1);
        Torch.seed(11);
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1, 17, 10", "2, 10, 17", "3, 28, 28", "1, 17, 17"})
    void samplingMatchesTheTrainingPath(int channels, int height, int width) {
        try (PointerScope scope = new PointerScope()) {
            ConvDecoder decoder = new ConvDecoder(new ImageShape(channels, height, width), 8, 6);
            Tensor latents = torch.randn(3, 6);
            Tensor training = decoder.forward(latents);
            Tensor sampling;
            try (NoGradGuard noGrad = new NoGradGuard()) {
                sampling = decoder.forward(latents);
            }
            long[] shape = {3, channels, height, width};
            assertArrayEquals(shape, training.sizes().vec().get(), "training path shape");
            assertArrayEquals(shape, sampling.sizes().vec().get(), "sampling path shape");
            double error = training.sub(sampling).abs().max().item_double();
            assertTrue(error < 1e-5, "max difference " + error);
        }
    }
}
