package dev.regen.data.damage;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.data.ImageDecoder;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** Which pixels of an image are missing. */
public sealed interface Mask {
    /** 1 for every known pixel of a height x width image, 0 for every missing one; deterministic for a seed. */
    float[] known(int height, int width, long seed);

    /**
     * What someone who brings an image masked this way knows of its missing pixels, at its size:
     * the mask itself, unless it was drawn at random.
     */
    float[] knownOf(int height, int width);

    /** The written form that {@link Corruptions#parse} reads back. */
    String spec();

    /** A size x size box in the middle of the image. */
    record CentreBox(int size) implements Mask {
        static CentreBox parse(Spec spec) {
            return new CentreBox(spec.whole(1, 4096));
        }

        @Override
        public float[] knownOf(int height, int width) {
            return known(height, width, 0L);
        }

        @Override
        public float[] known(int height, int width, long seed) {
            float[] known = allKnown(height, width);
            erase(known, height, width, (height - size) / 2, (width - size) / 2, size);
            return known;
        }

        @Override
        public String spec() {
            return "box:" + size;
        }
    }

    /** {@code count} size x size boxes at random places (they may overlap). */
    record RandomBoxes(int count, int size) implements Mask {
        static RandomBoxes parse(Spec spec) {
            return new RandomBoxes(spec.first(1, 1000), spec.second(1, 4096));
        }

        /** Random boxes are known only to whoever drew them: such images need their mask as an image. */
        @Override
        public float[] knownOf(int height, int width) {
            throw drawnAtRandom(this);
        }

        @Override
        public float[] known(int height, int width, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            float[] known = allKnown(height, width);
            for (int i = 0; i < count; i++) {
                erase(known, height, width, random.nextInt(Math.max(1, height - size + 1)),
                        random.nextInt(Math.max(1, width - size + 1)), size);
            }
            return known;
        }

        @Override
        public String spec() {
            return "boxes:" + count + "x" + size;
        }
    }

    /**
     * Free-form strokes: {@code count} random walks of four straight segments, each
     * {@code width} pixels thick, like the free-form masks of Yu et al. 2019.
     */
    record Strokes(int count, int width) implements Mask {
        private static final int SEGMENTS = 4;

        static Strokes parse(Spec spec) {
            return new Strokes(spec.first(1, 1000), spec.second(1, 4096));
        }

        /** Random strokes are known only to whoever drew them: such images need their mask as an image. */
        @Override
        public float[] knownOf(int height, int width) {
            throw drawnAtRandom(this);
        }

        @Override
        public float[] known(int height, int imageWidth, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            float[] known = allKnown(height, imageWidth);
            double reach = Math.max(height, imageWidth) / 3.0;
            double radius = width / 2.0;
            for (int s = 0; s < count; s++) {
                double y = random.nextDouble() * height;
                double x = random.nextDouble() * imageWidth;
                for (int k = 0; k < SEGMENTS; k++) {
                    double angle = random.nextDouble() * 2 * Math.PI;
                    double length = reach * (0.3 + 0.7 * random.nextDouble());
                    double toY = Math.max(0, Math.min(height - 1, y + length * Math.sin(angle)));
                    double toX = Math.max(0, Math.min(imageWidth - 1, x + length * Math.cos(angle)));
                    eraseSegment(known, height, imageWidth, y, x, toY, toX, radius);
                    y = toY;
                    x = toX;
                }
            }
            return known;
        }

        private static void eraseSegment(float[] known, int height, int width, double y0, double x0, double y1,
                                         double x1, double radius) {
            double dy = y1 - y0;
            double dx = x1 - x0;
            double length2 = Math.max(1e-12, dy * dy + dx * dx);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    // Distance from the pixel centre to the nearest point of the segment.
                    double t = Math.max(0, Math.min(1, ((y + 0.5 - y0) * dy + (x + 0.5 - x0) * dx) / length2));
                    double ey = y + 0.5 - (y0 + t * dy);
                    double ex = x + 0.5 - (x0 + t * dx);
                    if (ey * ey + ex * ex <= radius * radius) {
                        known[y * width + x] = 0;
                    }
                }
            }
        }

        @Override
        public String spec() {
            return "strokes:" + count + "x" + width;
        }
    }

    /**
     * A user's black-and-white mask image: white pixels are missing. Decoded once however many
     * images it masks; a mask named in a model file is decoded only when it is used, so a model
     * whose training mask has moved still loads.
     */
    final class FromImage implements Mask {
        private final Path path;
        private ImageDecoder.Decoded decoded;

        private FromImage(Path path, ImageDecoder.Decoded decoded) {
            this.path = path;
            this.decoded = decoded;
        }

        /** Reads the mask at {@code path} now. */
        public static FromImage read(Path path) {
            return new FromImage(path, decode(path));
        }

        static FromImage parse(Spec spec) {
            try {
                Path path = Path.of(spec.value());
                return spec.stored() ? new FromImage(path, null) : read(path);
            } catch (java.nio.file.InvalidPathException e) {
                throw new RegenException("corruption '" + spec.text() + "' names no valid file path");
            }
        }

        private static ImageDecoder.Decoded decode(Path path) {
            if (!java.nio.file.Files.isRegularFile(path)) {
                throw new RegenException("mask file " + path + " does not exist");
            }
            return ImageDecoder.read(path);
        }

        /** Where the mask is read from. */
        public Path path() {
            return path;
        }

        /** The decoded image. */
        public synchronized ImageDecoder.Decoded mask() {
            if (decoded == null) {
                decoded = decode(path);
            }
            return decoded;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FromImage f && f.path.equals(path);
        }

        @Override
        public int hashCode() {
            return path.hashCode();
        }

        @Override
        public float[] knownOf(int height, int width) {
            return known(height, width, 0L);
        }

        @Override
        public float[] known(int height, int width, long seed) {
            ImageDecoder.Decoded mask = mask();
            ImageShape shape = mask.shape();
            if (shape.height() != height || shape.width() != width) {
                throw new RegenException("mask " + path + " is " + shape.height() + "x" + shape.width()
                        + " but the image is " + height + "x" + width);
            }
            int plane = height * width;
            float[] known = new float[plane];
            for (int p = 0; p < plane; p++) {
                float v = mask.pixels()[p];
                for (int c = 1; c < shape.channels(); c++) {
                    if (mask.pixels()[c * plane + p] != v) {
                        throw new RegenException("mask " + path + " is not black and white: pixel (" + p % width
                                + ", " + p / width + ") is coloured");
                    }
                }
                if (v != 0f && v != 1f) {
                    throw new RegenException("mask " + path + " is not black and white: pixel (" + p % width + ", "
                            + p / width + ") is grey (" + Math.round(v * 255) + ")");
                }
                known[p] = 1 - v;
            }
            return known;
        }

        @Override
        public String spec() {
            return "mask:" + path;
        }
    }

    /** The refusal to guess which pixels a random mask took from an image someone brings. */
    private static RegenException drawnAtRandom(Mask mask) {
        return new RegenException("the missing pixels of " + mask.spec() + " were drawn at random: give the mask as "
                + "an image");
    }

    private static float[] allKnown(int height, int width) {
        float[] known = new float[height * width];
        java.util.Arrays.fill(known, 1f);
        return known;
    }

    private static void erase(float[] known, int height, int width, int top, int left, int size) {
        for (int y = Math.max(0, top); y < Math.min(height, top + size); y++) {
            for (int x = Math.max(0, left); x < Math.min(width, left + size); x++) {
                known[y * width + x] = 0;
            }
        }
    }
}
