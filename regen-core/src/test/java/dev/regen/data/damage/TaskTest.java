package dev.regen.data.damage;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskTest {
    @Test
    void everyTasksDefaultTrainingDamageIsDamageItUndoes() {
        for (Task task : Task.values()) {
            assertEquals(task, task.defaultTrainingDamage().task(), task.id());
            assertEquals(task, Task.parse(task.id()));
        }
    }

    @Test
    void theDamageAUserDescribesIsTheKindTheTaskUndoes() {
        assertEquals(new GaussianNoise(0.2), Task.DENOISE.observedDamage(0.2, null, 2));
        assertEquals(new Blur(1.5), Task.DEBLUR.observedDamage(1.5, null, 2));
        assertEquals(new Downsampling(4), Task.SUPERRES.observedDamage(0.1, null, 4));
        RegenException noMask = assertThrows(RegenException.class, () -> Task.INPAINT.observedDamage(0.1, null, 2));
        assertTrue(noMask.getMessage().contains("mask"), noMask.getMessage());
    }

    @Test
    void anImageWithRandomlyDrawnMissingPixelsNeedsItsMaskAsAnImage() {
        ImageShape shape = new ImageShape(1, 28, 28);
        RegenException e = assertThrows(RegenException.class,
                () -> Corruptions.parse("boxes:3x8").observation(new float[784], shape));
        assertTrue(e.getMessage().contains("drawn at random"), e.getMessage());
        assertEquals(196, countMissing(Corruptions.parse("box:14").observation(new float[784], shape).known()));
    }

    private static int countMissing(float[] known) {
        int missing = 0;
        for (float k : known) {
            missing += k == 0f ? 1 : 0;
        }
        return missing;
    }

    @Test
    void damageOfAnotherTaskIsRefusedByName() {
        RegenException e = assertThrows(RegenException.class, () -> Task.INPAINT.check(Corruptions.parse("noise:0.3")));
        assertEquals("the damage noise:0.3 is not damage that the task inpaint undoes", e.getMessage());
    }

    @Test
    void everyKindWritesAFormThatParsesBackToItself() {
        for (String spec : new String[]{"noise:0.3", "salt-pepper:0.1", "box:14", "boxes:3x8", "strokes:2x3",
                "down:2", "blur:1.5"}) {
            Corruption c = Corruptions.parse(spec);
            assertEquals(spec, c.spec());
            assertEquals(c, Corruptions.parse(c.spec()));
            assertTrue(!c.baselines().isEmpty(), spec);
            ImageShape shape = new ImageShape(1, 28, 28);
            assertEquals(c.damagedShape(shape), c.apply(new float[784], 0, shape, 1L).shape(), spec);
        }
    }
}
