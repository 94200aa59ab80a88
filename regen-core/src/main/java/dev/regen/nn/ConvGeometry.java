package dev.regen.nn;

import dev.regen.config.ImageShape;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How deep a conv encoder goes for an image size, and the spatial size at every level.
 *
 * <p>Each level halves the size with a 4x4 stride-2 convolution (padding 1) until the smaller side
 * drops below 8, so 28x28 gives 14x14 and 7x7, 32x32 gives 16, 8 and 4, 64x64 four levels. Filters
 * start at the base width and double each level, capped at eight times the base.
 *
 * @param heights spatial height at each level; index 0 is the input
 * @param widths  spatial width at each level
 * @param filters channels at each level; index 0 is the image's channel count
 */
public record ConvGeometry(int[] heights, int[] widths, int[] filters) {
    private static final int MIN_SIDE = 8;
    private static final int MAX_LEVELS = 6;

    /** The geometry for {@code shape} with {@code baseFilters} filters in the first layer. */
    public static ConvGeometry of(ImageShape shape, int baseFilters) {
        List<int[]> levels = new ArrayList<>();
        int h = shape.height();
        int w = shape.width();
        levels.add(new int[]{h, w, shape.channels()});
        int f = baseFilters;
        while (Math.min(h, w) >= MIN_SIDE && levels.size() <= MAX_LEVELS) {
            h /= 2;
            w /= 2;
            levels.add(new int[]{h, w, f});
            f = Math.min(f * 2, baseFilters * 8);
        }
        return new ConvGeometry(
                levels.stream().mapToInt(l -> l[0]).toArray(),
                levels.stream().mapToInt(l -> l[1]).toArray(),
                levels.stream().mapToInt(l -> l[2]).toArray());
    }

    /** Number of stride-2 layers. */
    public int depth() {
        return heights.length - 1;
    }

    /** The feature maps from the image down, channels x height x width: {@code 3x64x64 -> 32x32x32 -> ...}. */
    public String downward() {
        return IntStream.rangeClosed(0, depth()).mapToObj(this::map).collect(Collectors.joining(" -> "));
    }

    /** The feature maps from the smallest up to the image, as a decoder or generator paints them. */
    public String upward() {
        return IntStream.rangeClosed(0, depth()).map(i -> depth() - i).mapToObj(this::map)
                .collect(Collectors.joining(" -> "));
    }

    private String map(int level) {
        return filters[level] + "x" + heights[level] + "x" + widths[level];
    }

    /** Features after the last conv layer, flattened. */
    public int flatFeatures() {
        return filters[depth()] * heights[depth()] * widths[depth()];
    }
}
