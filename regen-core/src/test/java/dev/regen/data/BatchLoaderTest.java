package dev.regen.data;

import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchLoaderTest {
    private static final int IMAGES = 5;

    /** Image i is all i; reading one takes {@code millis}. */
    private static ImageDataset numbered(long millis) {
        ImageShape shape = new ImageShape(1, 2, 2);
        float[] pixels = new float[IMAGES * shape.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / shape.size();
        }
        return new DatasetView(new ArrayDataset(shape, pixels, null, "numbered")) {
            @Override
            public void read(int index, float[] dst, int offset) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                base.read(index, dst, offset);
            }

            @Override
            public String source() {
                return base.source();
            }
        };
    }

    @Test
    void batchesComeInTheGivenOrderWithASmallerLastOne() {
        List<float[]> firstPixels = new ArrayList<>();
        try (BatchLoader loader = new BatchLoader(numbered(0), new int[]{4, 2, 0, 3, 1}, 2)) {
            loader.forEachRemaining(b -> firstPixels.add(
                    new float[]{b.count(), b.pixels()[0], b.pixels()[4 * (b.count() - 1)]}));
        }
        assertEquals(3, firstPixels.size());
        assertArrayEquals(new float[]{2, 4, 2}, firstPixels.get(0));
        assertArrayEquals(new float[]{2, 0, 3}, firstPixels.get(1));
        assertArrayEquals(new float[]{1, 1, 1}, firstPixels.get(2));
    }

    @Test
    void aRankReadsOnlyItsRowsOfEveryBatch() {
        List<float[]> mine = new ArrayList<>();
        // The second half of each batch, as rank 1 of 2 keeps it: rows [count/2, count).
        try (BatchLoader loader = new BatchLoader(numbered(0), new int[]{4, 2, 0, 3, 1}, 4,
                count -> new int[]{count / 2, count - count / 2})) {
            loader.forEachRemaining(b -> mine.add(new float[]{b.count(), b.pixels()[0], b.pixels()[4 * (b.count() - 1)]}));
        }
        assertEquals(2, mine.size());
        assertArrayEquals(new float[]{2, 0, 3}, mine.get(0), "rows 2-3 of the batch 4, 2, 0, 3");
        assertArrayEquals(new float[]{1, 1, 1}, mine.get(1), "the only row of the last batch");
    }

    @Test
    void timeSpentWaitingForASlowSourceIsCounted() {
        // The first batch of two cannot be ready before two 30 ms reads.
        try (BatchLoader loader = new BatchLoader(numbered(30), new int[]{0, 1, 2, 3, 4}, 2)) {
            loader.forEachRemaining(b -> { });
            assertTrue(loader.secondsWaited() >= 0.055, "waited " + loader.secondsWaited() + " s");
        }
    }
}
