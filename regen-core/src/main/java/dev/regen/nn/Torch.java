package dev.regen.nn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Owns the start-up of the libtorch engine: native cache extraction, thread pools and seeding.
 *
 * <p>Call {@link #start(int)} before any other engine class is touched.
 */
public final class Torch {
    private static boolean started;

    private Torch() {
    }

    /**
     * Loads the natives once and sets the intra-op thread count.
     *
     * @param threads libtorch intra-op threads; 0 means one per available core
     */
    public static synchronized void start(int threads) {
        if (!started) {
            extractTorchCpu();
            // OpenBLAS's own pool fights libtorch's OpenMP pool (8x slower), so it gets one thread.
            org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
            started = true;
        }
        torch.set_num_threads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    /** Starts the engine with one thread per core unless it was started already. */
    public static synchronized void ensureStarted() {
        if (!started) {
            start(0);
        }
    }

    /** Seeds libtorch's global generator. */
    public static void seed(long seed) {
        torch.manual_seed(seed);
    }

    /**
     * libtorch.so is opened before libtorch_cpu.so is extracted on an empty cache, which crashes
     * the JVM; extracting the large library first avoids that.
     */
    private static void extractTorchCpu() {
        try {
            Loader.cacheResource("/org/bytedeco/pytorch/" + Loader.getPlatform() + "/libtorch_cpu.so");
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract libtorch_cpu.so to the JavaCPP cache", e);
        }
    }
}
