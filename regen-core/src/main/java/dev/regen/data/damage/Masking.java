package dev.regen.data.damage;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

import java.nio.file.Path;
import java.util.List;

/** Missing pixels: where {@code mask} says so, every channel of the pixel is lost (stored as 0). */
public record Masking(Mask mask) implements Corruption {
    /** Pixels missing where the black-and-white image at {@code path} is white. */
    public static Masking fromImage(Path path) {
        if (path == null) {
            throw new RegenException("inpainting needs a mask image (white where pixels are missing)");
        }
        return new Masking(Mask.FromImage.read(path));
    }

    @Override
    public Damaged apply(float[] clean, int offset, ImageShape shape, long seed) {
        float[] known = mask.known(shape.height(), shape.width(), seed);
        int plane = shape.height() * shape.width();
        float[] out = new float[shape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = clean[offset + i] * known[i % plane];
        }
        return new Damaged(out, shape, known);
    }

    /** The mask at the image's size, which a mask image must have. */
    @Override
    public Damaged observation(float[] pixels, ImageShape shape) {
        return new Damaged(pixels, shape, mask.knownOf(shape.height(), shape.width()));
    }

    @Override
    public ImageShape damagedShape(ImageShape shape) {
        return shape;
    }

    @Override
    public Task task() {
        return Task.INPAINT;
    }

    @Override
    public <T> T forward(ObservationOps<T> ops, T images) {
        return ops.keepKnown(images);
    }

    /** The known pixels put back. */
    @Override
    public <T> T consistent(ObservationOps<T> ops, T images) {
        return ops.putBackKnown(images);
    }

    @Override
    public <T> T initialGuess(ObservationOps<T> ops) {
        return ops.observed();
    }

    @Override
    public boolean keepsExactValues() {
        return true;
    }

    @Override
    public Misfit misfit() {
        return Misfit.exact();
    }

    @Override
    public List<Baseline> baselines() {
        return List.of(Baseline.of(Baseline.Kind.TELEA), Baseline.of(Baseline.Kind.NAVIER_STOKES));
    }

    @Override
    public String spec() {
        return mask.spec();
    }

    @Override
    public String toString() {
        return spec();
    }
}
