package dev.regen.edit;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributesTest {
    @TempDir
    Path temp;

    /** Two classes of 2-d codes: "a" at (0, 0) and (2, 0), "b" at (0, 4) and (2, 4). */
    private static final float[] CODES = {0, 0, 2, 0, 0, 4, 2, 4};
    private static final int[] LABELS = {0, 0, 1, 1};

    @Test
    void classDirectionsRunFromMeanToMeanAndAnAmountOfOneCoversTheDistance() {
        List<Direction> found = AttributeFinder.ofClasses(CODES, 2, LABELS, List.of("a", "b"));
        assertEquals(List.of("a", "b", "a-to-b", "b-to-a"), found.stream().map(Direction::name).toList());
        Direction aToB = found.get(2);
        assertEquals(4.0, aToB.scale(), 1e-9);
        assertArrayEquals(new float[]{0, 1}, aToB.unit(), 1e-7f);
        // The mean of a, (1, 0), moved by 1 lands on the mean of b, (1, 4); by -0.5 half the way back.
        assertArrayEquals(new float[]{1, 4}, aToB.move(new float[]{1, 0}, 1), 1e-6f);
        assertArrayEquals(new float[]{1, -2, 3, -2}, aToB.move(new float[]{1, 0, 3, 0}, -0.5), 1e-6f);
        assertArrayEquals(new float[]{0, -1}, found.get(0).unit(), 1e-7f, "b's mean to a's");
        RegenException range = assertThrows(RegenException.class, () -> aToB.move(new float[2], 11));
        assertTrue(range.getMessage().contains("amount 11.0 is out of range"), range.getMessage());
        assertThrows(RegenException.class, () -> aToB.move(new float[2], Double.NaN));
        RegenException empty = assertThrows(RegenException.class,
                () -> AttributeFinder.ofClasses(CODES, 2, LABELS, List.of("a", "b", "c")));
        assertTrue(empty.getMessage().contains("class c has 0 of the 4 images"), empty.getMessage());
    }

    @Test
    void principalDirectionsFollowTheSpreadInStandardDeviations() {
        Random random = new Random(3);
        float[] codes = new float[2 * 5000];
        for (int i = 0; i < 5000; i++) {
            double along = 3 * random.nextGaussian();
            double across = 0.5 * random.nextGaussian();
            // The long axis is the diagonal (1, 1) / sqrt 2.
            codes[2 * i] = (float) ((along - across) / Math.sqrt(2));
            codes[2 * i + 1] = (float) ((along + across) / Math.sqrt(2));
        }
        List<Direction> pcs = AttributeFinder.principal(codes, 2, 5);
        assertEquals(2, pcs.size(), "no more directions than dimensions");
        assertEquals(3.0, pcs.get(0).scale(), 0.1);
        assertEquals(0.5, pcs.get(1).scale(), 0.02);
        assertEquals(1 / Math.sqrt(2), Math.abs(pcs.get(0).unit()[0]), 0.01);
        assertEquals(pcs.get(0).unit()[0], pcs.get(0).unit()[1], 0.02f);
        // 9 / (9 + 0.25) of the variance: 97.3%.
        assertTrue(pcs.get(0).meaning().contains("(97."), pcs.get(0).meaning());
    }

    @Test
    void directionsRoundTripBesideTheModelAndAnUnknownNameListsTheKnownOnes() throws Exception {
        Path model = temp.resolve("model.regen");
        assertEquals(temp.resolve("model.attributes.json"), Attributes.beside(model));
        Attributes written = new Attributes(2, "toy", AttributeFinder.ofClasses(CODES, 2, LABELS, List.of("a", "b")));
        written.write(Attributes.beside(model));
        Attributes read = Attributes.read(Attributes.beside(model), 2);
        assertEquals(4, read.directions().size());
        assertArrayEquals(written.find("a-to-b").unit(), read.find("a-to-b").unit());
        assertEquals(written.find("b").scale(), read.find("b").scale());
        RegenException unknown = assertThrows(RegenException.class, () -> read.find("smile"));
        assertEquals("no direction 'smile': the model's directions are a, b, a-to-b, b-to-a", unknown.getMessage());
        RegenException other = assertThrows(RegenException.class, () -> Attributes.read(Attributes.beside(model), 8));
        assertTrue(other.getMessage().contains("belong to another model"), other.getMessage());
        Files.writeString(temp.resolve("broken.json"), "{\"latent\": 2, \"directions\": [");
        RegenException broken = assertThrows(RegenException.class,
                () -> Attributes.read(temp.resolve("broken.json"), 2));
        assertTrue(broken.getMessage().contains("is not a file of attribute directions"), broken.getMessage());
        assertThrows(RegenException.class, () -> Attributes.read(temp.resolve("missing.json"), 2));
    }

    @Test
    void theEditedRegionIsWherePixelsMovedAndTheRestIsMeasuredApart() {
        ImageShape shape = new ImageShape(1, 2, 2);
        float[] before = {0.5f, 0.5f, 0.5f, 0.5f};
        float[] after = {0.9f, 0.51f, 0.49f, 0.5f};
        LatentEdit.Edited e = LatentEdit.measured(before, after, 1, shape);
        assertEquals(0.25, e.editedShare(), 1e-12);
        assertEquals(0.02 / 3, e.changeOutside(), 1e-6);
    }
}
