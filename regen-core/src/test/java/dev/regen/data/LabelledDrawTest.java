package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelledDrawTest {
    @Test
    void drawsTheSameNumberOfEachClassBySeed() {
        int[] labels = new int[300];
        Arrays.setAll(labels, i -> i % 3);
        int[] rows = LabelledDraw.perClass(labels, 3, 7, 5);
        assertEquals(21, rows.length);
        for (int c = 0; c < 3; c++) {
            int cls = c;
            assertEquals(7, Arrays.stream(rows).filter(r -> labels[r] == cls).count());
        }
        assertArrayEquals(rows, LabelledDraw.perClass(labels, 3, 7, 5));
        assertTrue(!Arrays.equals(rows, LabelledDraw.perClass(labels, 3, 7, 6)));
        RegenException few = assertThrows(RegenException.class, () -> LabelledDraw.perClass(labels, 3, 101, 5));
        assertTrue(few.getMessage().contains("class 0 has 100 labelled images"), few.getMessage());
        assertThrows(RegenException.class, () -> LabelledDraw.perClass(labels, 3, 0, 5));
    }

    @Test
    void drawsASubsetOfADatasetAndRefusesUnlabelledData() {
        int[] labels = new int[40];
        Arrays.setAll(labels, i -> i % 4);
        ArrayDataset data = new ArrayDataset(new ImageShape(1, 1, 1), new float[40], labels, "toy");
        Subset drawn = LabelledDraw.perClass(data, 3, 9);
        assertEquals(12, drawn.size());
        assertEquals(3, Arrays.stream(drawn.labels()).filter(l -> l == 2).count());
        // After --labels 0,2 the other classes have no images: the draw takes only the kept ones.
        Subset kept = LabelledDraw.perClass(Subset.withLabels(data, List.of(0, 2)), 3, 9);
        assertEquals(6, kept.size());
        ArrayDataset unlabelled = new ArrayDataset(new ImageShape(1, 1, 1), new float[4], null, "u");
        RegenException e = assertThrows(RegenException.class, () -> LabelledDraw.perClass(unlabelled, 1, 9));
        assertTrue(e.getMessage().contains("no class labels"), e.getMessage());
    }
}
