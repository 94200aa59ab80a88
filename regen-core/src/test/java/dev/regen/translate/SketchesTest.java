package dev.regen.translate;

import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SketchesTest {
    private static final ImageShape SHAPE = new ImageShape(1, 16, 16);

    /** A white square from (4, 4) to (11, 11) on black. */
    private static float[] square() {
        float[] image = new float[SHAPE.size()];
        for (int y = 4; y < 12; y++) {
            for (int x = 4; x < 12; x++) {
                image[y * 16 + x] = 1;
            }
        }
        return image;
    }

    @Test
    void theEdgesOfASquareAreItsOutlineAndNothingElse() {
        float[] edges = Sketches.edges(square(), SHAPE);
        int on = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                boolean nearBorder = Math.min(Math.abs(y - 3.5), Math.abs(y - 11.5)) <= 1 && x >= 3 && x <= 12
                        || Math.min(Math.abs(x - 3.5), Math.abs(x - 11.5)) <= 1 && y >= 3 && y <= 12;
                if (edges[y * 16 + x] > 0) {
                    on++;
                    assertTrue(nearBorder, "an edge away from the outline at " + x + ", " + y);
                }
            }
        }
        assertTrue(on >= 28, "the outline is drawn: " + on + " edge pixels");
        assertEquals(0, Sketches.edges(new float[SHAPE.size()], SHAPE)[0], "a blank image has no edges");
    }

    @Test
    void theFillPaintsInsideAnOutlineInTheColourItHasInTheTrainingPairs() {
        float[] edges = Sketches.edges(square(), SHAPE);
        float[] grey = new float[SHAPE.size()];
        for (int p = 0; p < grey.length; p++) {
            grey[p] = square()[p] * 0.8f;
        }
        Sketches.Fill fill = Sketches.Fill.fit(edges, grey, 1, SHAPE);
        float[] filled = fill.apply(edges, 1);
        assertEquals(0.8, filled[8 * 16 + 8], 0.02, "the square's middle");
        assertEquals(0.0, filled[0], 0.02, "the corner, outside");
    }
}
