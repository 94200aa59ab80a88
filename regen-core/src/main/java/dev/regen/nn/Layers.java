package dev.regen.nn;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dOptions;

/**
 * Builds engine layers from plain numbers.
 *
 * <p>The option setters take raw pointers: {@code stride().put(2L, 2L)} writes value 2 at index 2,
 * past the array, so every multi-value option is written with {@code put(new long[]{...})}.
 */
final class Layers {
    private static final long KERNEL = 4;

    private Layers() {
    }

    /** 4x4 convolution, stride 2, padding 1: halves the spatial size (rounding down). */
    static Conv2dImpl downsample(int in, int out) {
        Conv2dOptions options = new Conv2dOptions(in, out, new LongPointer(new long[]{KERNEL, KERNEL}));
        options.stride().put(new long[]{2, 2});
        options.padding().put(new LongPointer(new long[]{1, 1}));
        return new Conv2dImpl(options);
    }

    /**
     * 4x4 transposed convolution, stride 2, padding 1: doubles the size, plus {@code extraRows} and
     * {@code extraCols} (0 or 1) to undo the rounding of an odd size.
     */
    static ConvTranspose2dImpl upsample(int in, int out, int extraRows, int extraCols) {
        ConvTranspose2dOptions options = new ConvTranspose2dOptions(in, out, new LongPointer(new long[]{KERNEL, KERNEL}));
        options.stride().put(new long[]{2, 2});
        options.padding().put(new long[]{1, 1});
        options.output_padding().put(new long[]{extraRows, extraCols});
        return new ConvTranspose2dImpl(options);
    }
}
