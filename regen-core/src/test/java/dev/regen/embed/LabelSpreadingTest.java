package dev.regen.embed;

import dev.regen.embed.LinearProbe.Features;
import dev.regen.nn.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSpreadingTest {
    private static final int PER_MOON = 200;

    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    /**
     * Two interleaved half circles (rows 0 to 199 the upper, class 0; the rest the lower, class 1),
     * which no line separates.
     */
    private static Features moons(long seed) {
        Random random = new Random(seed);
        float[] values = new float[2 * PER_MOON * 2];
        int[] labels = new int[2 * PER_MOON];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / PER_MOON;
            double angle = Math.PI * (i % PER_MOON) / (PER_MOON - 1);
            double x = labels[i] == 0 ? Math.cos(angle) : 1 - Math.cos(angle);
            double y = labels[i] == 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
            values[2 * i] = (float) (x + 0.03 * random.nextGaussian());
            values[2 * i + 1] = (float) (y + 0.03 * random.nextGaussian());
        }
        return new Features(values, 2, labels);
    }

    @Test
    void oneLabelPerMoonReachesTheWholeMoonAndSwappedLabelsSwapIt() {
        Features moons = moons(1);
        NeighbourGraph graph = NeighbourGraph.of(moons, 10, (done, total) -> { });
        // One labelled point per moon, each at the tip that reaches into the other moon's hollow.
        int[] labelled = {0, 2 * PER_MOON - 1};
        int[] predicted = LabelSpreading.classes(graph, labelled, new int[]{0, 1}, 2);
        int[] swapped = LabelSpreading.classes(graph, labelled, new int[]{1, 0}, 2);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == moons.labels()[i] ? 1 : 0;
            assertEquals(1 - predicted[i], swapped[i], "row " + i);
        }
        assertTrue(right >= 0.99 * predicted.length, right + " of " + predicted.length + " rows right");
        assertThrows(IllegalArgumentException.class, () -> LabelSpreading.classes(graph, labelled, new int[]{0, 2}, 2));
    }

    @Test
    void neighboursOnALineAndTheirSelfTuningWeightsAreExact() {
        // Points 0, 1, 2, 3, 4, 4 on a line (the last twice). With k = 2: point 0's neighbours are 1
        // and 2, so its scale sigma_0 is 2; point 1's are 0 and 2 at distance 1, sigma_1 = 1.
        float[] values = {0, 1, 2, 3, 4, 4};
        NeighbourGraph graph = NeighbourGraph.of(new Features(values, 1, new int[6]), 2, (done, total) -> { });
        assertEquals(1, graph.neighbour(0, 0));
        assertEquals(2, graph.neighbour(0, 1));
        assertEquals(Math.exp(-1.0 / (2 * 1)), graph.weight(0, 0), 1e-6);
        assertEquals(Math.exp(-4.0 / (2 * 1)), graph.weight(0, 1), 1e-6);
        assertEquals(Math.exp(-1.0 / (1 * 2)), graph.weight(1, 0), 1e-6);
        // A duplicate at distance 0 gets full weight, not 0 / 0.
        assertEquals(5, graph.neighbour(4, 0));
        assertEquals(1.0, graph.weight(4, 0), 0);
        assertThrows(IllegalArgumentException.class,
                () -> NeighbourGraph.of(new Features(values, 1, new int[6]), 6, (done, total) -> { }));
    }
}
