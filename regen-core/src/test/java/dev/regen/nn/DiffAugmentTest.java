package dev.regen.nn;

import dev.regen.config.Augmentation;
import dev.regen.config.ImageShape;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffAugmentTest {
    private static final ImageShape SHAPE = new ImageShape(3, 16, 16);

    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    /** 8 images, each black but for one white pixel at (row 5, column 9). */
    private static float[] dots() {
        float[] pixels = new float[8 * SHAPE.size()];
        int plane = 16 * 16;
        for (int i = 0; i < 8; i++) {
            for (int c = 0; c < 3; c++) {
                pixels[i * SHAPE.size() + c * plane + 5 * 16 + 9] = 1f;
            }
        }
        return pixels;
    }

    @Test
    void translationMovesEachImageByWholePixelsUpToAnEighthAndPadsWithTheMiddleGrey() {
        try (PointerScope scope = new PointerScope()) {
            Torch.seed(3);
            float[] out = Tensors.floats(DiffAugment.apply(Tensors.images(dots(), 8, SHAPE),
                    List.of(Augmentation.TRANSLATION)));
            int plane = 16 * 16;
            for (int i = 0; i < 8; i++) {
                int white = 0;
                int at = -1;
                for (int p = 0; p < plane; p++) {
                    float v = out[i * SHAPE.size() + p];
                    assertTrue(v == 0f || v == 1f || v == 0.5f, "pixel values are moved, not mixed: " + v);
                    if (v == 1f) {
                        white++;
                        at = p;
                    }
                }
                assertEquals(1, white, "image " + i);
                assertTrue(Math.abs(at / 16 - 5) <= 2 && Math.abs(at % 16 - 9) <= 2, "moved by at most 16/8: " + at);
            }
        }
    }

    @Test
    void cutoutBlanksASquareHalfTheSideWithTheMiddleGrey() {
        try (PointerScope scope = new PointerScope()) {
            Torch.seed(4);
            float[] out = Tensors.floats(DiffAugment.apply(Tensors.images(new float[8 * SHAPE.size()], 8, SHAPE),
                    List.of(Augmentation.CUTOUT)));
            for (int i = 0; i < 8; i++) {
                int grey = 0;
                for (int p = 0; p < 16 * 16; p++) {
                    grey += out[i * SHAPE.size() + p] == 0.5f ? 1 : 0;
                }
                assertTrue(grey > 0 && grey <= 8 * 8, "an 8x8 square, clipped at the edges: " + grey);
            }
        }
    }

    @Test
    void theAugmentationsAreDifferentiableAndSeeded() {
        try (PointerScope scope = new PointerScope()) {
            List<Augmentation> all = List.of(Augmentation.COLOR, Augmentation.TRANSLATION, Augmentation.CUTOUT);
            Tensor images = Tensors.images(dots(), 8, SHAPE).requires_grad_(true);
            Torch.seed(5);
            Tensor once = DiffAugment.apply(images, all);
            once.sum().backward();
            float[] gradient = Tensors.floats(images.grad());
            double norm = 0;
            for (float g : gradient) {
                norm += g * g;
            }
            assertTrue(norm > 0, "gradients reach the images");
            Torch.seed(5);
            assertArrayEquals(Tensors.floats(once.detach()), Tensors.floats(DiffAugment.apply(images, all).detach()));
            assertArrayEquals(dots(), Tensors.floats(DiffAugment.apply(images, List.of()).detach()));
        }
    }
}
