package dev.regen.data.damage;

import dev.regen.RegenException;
import dev.regen.config.Named;

import java.nio.file.Path;

/**
 * The restoration tasks, one per family of damage: the one vocabulary of tasks for training a
 * model for a task, restoring images and evaluating restorations.
 */
public enum Task implements Named {
    /** Remove noise. */
    DENOISE("noise:0.3"),
    /** Fill in missing pixels. */
    INPAINT("box:14"),
    /** Undo downsampling. */
    SUPERRES("down:2"),
    /** Undo blur. */
    DEBLUR("blur:1.0");

    private final String trainingDamage;

    Task(String trainingDamage) {
        this.trainingDamage = trainingDamage;
    }

    @Override
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a task name such as {@code inpaint}. */
    public static Task parse(String name) {
        return Named.parse(Task.class, "task", name);
    }

    /** The damage a model trained for this task sees when none is chosen. */
    public Corruption defaultTrainingDamage() {
        return Corruptions.parse(trainingDamage);
    }

    /**
     * The damage of images a user brings to be restored, described by what the user knows of it.
     *
     * @param sigma  standard deviation of the noise (denoise) or of the blur (deblur)
     * @param mask   where pixels are missing (inpaint; white = missing), or null
     * @param factor how much smaller than the original the image is (superres)
     */
    public Corruption observedDamage(double sigma, Path mask, int factor) {
        return switch (this) {
            case DENOISE -> GaussianNoise.of(sigma);
            case DEBLUR -> Blur.of(sigma);
            case SUPERRES -> Downsampling.of(factor);
            case INPAINT -> Masking.fromImage(mask);
        };
    }

    /** Fails unless {@code damage} is damage that this task undoes. */
    public Corruption check(Corruption damage) {
        if (damage.task() != this) {
            throw new RegenException("the damage " + damage.spec() + " is not damage that the task " + id()
                    + " undoes");
        }
        return damage;
    }
}
