package dev.regen.nn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Owns the start-up of the libtorch engine: native cache extraction, thread pools and seeding.
 *
 * <p>Call {@link #start(int)}, or at least {@link #extractNatives()}, before any other engine class
 * is touched.
 */
public final class Torch {
    private static boolean started;
    private static boolean extracted;

    private Torch() {
    }

    /**
     * Loads the natives once and sets the intra-op thread count.
     *
     * @param threads libtorch intra-op threads; 0 means one per available core
     */
    public static synchronized void start(int threads) {
        if (!started) {
            extractNatives();
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
     * Extracts libtorch's and OpenBLAS's native libraries to the JavaCPP cache, all of them, before
     * the first is loaded; idempotent and quick once they are there.
     *
     * <p>Why: on an empty cache JavaCPP extracts and opens one library at a time, and libtorch.so is
     * opened before libtorch_cpu.so, libgomp and libopenblas beside it exist. The dynamic linker then
     * takes those from the system where there are any (Debian's python3-torch installs a libtorch
     * 1.13), and the mix of two libtorch builds crashes the JVM. With every file in place first, the
     * presets' $ORIGIN run path finds the bundled ones.
     */
    public static synchronized void extractNatives() {
        if (extracted) {
            return;
        }
        String platform = Loader.getPlatform();
        for (String folder : List.of("/org/bytedeco/pytorch/", "/org/bytedeco/openblas/")) {
            try {
                Loader.cacheResources(folder + platform + "/");
            } catch (IOException e) {
                throw new UncheckedIOException("could not extract " + folder + platform + " to the JavaCPP cache", e);
            }
        }
        extracted = true;
    }
}
