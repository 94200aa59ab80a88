package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.javacpp.PointerScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomJitterTest {
    private static final ImageShape SHAPE = new ImageShape(4, 32, 32);
    private static final int IMAGES = 24;

    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    @Test
    void eachImageIsItsInputMovedByUpToASixteenthAndPerhapsMirroredAllChannelsAlike() {
        float[] in = new float[IMAGES * SHAPE.size()];
        Random random = new Random(5);
        for (int i = 0; i < in.length; i++) {
            in[i] = random.nextFloat();
        }
        float[] out;
        try (PointerScope scope = new PointerScope()) {
            Torch.seed(7);
            out = Tensors.floats(RandomJitter.apply(Tensors.images(in, IMAGES, SHAPE)));
        }
        Set<String> moves = new HashSet<>();
        for (int i = 0; i < IMAGES; i++) {
            String found = null;
            for (int mirror = 0; mirror < 2 && found == null; mirror++) {
                for (int dy = -2; dy <= 2 && found == null; dy++) {
                    for (int dx = -2; dx <= 2 && found == null; dx++) {
                        if (matches(in, out, i, mirror == 1, dx, dy)) {
                            found = mirror + " " + dx + " " + dy;
                        }
                    }
                }
            }
            assertTrue(found != null, "image " + i + " is a whole-pixel move of its input, by at most 32 / 16");
            moves.add(found);
        }
        assertTrue(moves.stream().anyMatch(m -> m.startsWith("0")) && moves.stream().anyMatch(m -> m.startsWith("1")),
                "some images mirrored, some not: " + moves);
        assertTrue(moves.size() > 5, "the moves vary from image to image: " + moves);
    }

    /** Whether output image i is input image i read at (row + dy, column + dx), columns mirrored first. */
    private static boolean matches(float[] in, float[] out, int i, boolean mirror, int dx, int dy) {
        int h = SHAPE.height();
        int w = SHAPE.width();
        for (int c = 0; c < SHAPE.channels(); c++) {
            for (int r = 0; r < h; r++) {
                for (int col = 0; col < w; col++) {
                    int fromRow = Math.max(0, Math.min(h - 1, r + dy));
                    int fromCol = Math.max(0, Math.min(w - 1, (mirror ? w - 1 - col : col) + dx));
                    int plane = i * SHAPE.size() + c * h * w;
                    if (out[plane + r * w + col] != in[plane + fromRow * w + fromCol]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void theSameSeedJittersAlike() {
        float[] in = new float[IMAGES * SHAPE.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = i % 97 / 97f;
        }
        float[][] runs = new float[2][];
        for (int run = 0; run < 2; run++) {
            try (PointerScope scope = new PointerScope()) {
                Torch.seed(11);
                runs[run] = Tensors.floats(RandomJitter.apply(Tensors.images(in, IMAGES, SHAPE)));
            }
        }
        assertArrayEquals(runs[0], runs[1]);
        assertEquals(in.length, runs[0].length);
    }
}
