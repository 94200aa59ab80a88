package dev.regen.nn;

import dev.regen.RegenException;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Owns the start-up of the libtorch engine: native cache extraction, thread pools, seeding, and
 * the device every model and tensor lives on.
 *
 * <p>Call {@link #start(int)}, or at least {@link #extractNatives()}, before any other engine class
 * is touched.
 *
 * <p>The device is one setting for the process ({@link #useDevice}, {@code --device}): models are
 * built on the CPU and moved there whole ({@link #place}), data enters through {@link #toDevice},
 * tensors made from nothing take {@link #options()}, and values leave through {@code Tensors}
 * (which copies to the CPU). On the CPU each of these is the identity, so CPU results are the
 * same bits as before the device existed.
 */
public final class Torch {
    private static final String CPU = "cpu";
    private static boolean started;
    private static boolean extracted;
    private static String requested = CPU;
    private static boolean resolved = true;
    private static Device device;

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
        resolveDevice();
    }

    /**
     * Chooses the device for every model and tensor from now on: {@code cpu} (the default),
     * {@code cuda} or {@code cuda:N}, or any other device libtorch names. Checked by the next
     * {@link #start} or {@link #ensureStarted} (which every use of the engine passes through): a
     * CUDA device must be visible to this build of libtorch, else that call fails in one line.
     */
    public static synchronized void useDevice(String name) {
        String chosen = name == null || name.isBlank() ? CPU : name.trim();
        if (!chosen.equals(requested)) {
            requested = chosen;
            resolved = false;
        }
    }

    /** The device name asked for, as given to {@link #useDevice} ({@code cpu} unless told). */
    public static synchronized String requestedDevice() {
        return requested;
    }

    private static void resolveDevice() {
        if (resolved) {
            return;
        }
        if (requested.equals(CPU)) {
            device = null;
            resolved = true;
            return;
        }
        Device chosen;
        try {
            chosen = new Device(requested);
        } catch (RuntimeException e) {
            throw new RegenException("--device " + requested + " is no device: use cpu, cuda or cuda:N");
        }
        if (chosen.is_cuda()) {
            if (!torch.hasCUDA()) {
                throw new RegenException("--device " + requested + ": this build of Regen is CPU-only; build it with "
                        + "the gpu profile (./mvnw -Pgpu package, README: CUDA)");
            }
            int visible = torch.cuda_device_count();
            if (visible == 0 || (chosen.has_index() && chosen.index() >= visible)) {
                throw new RegenException("--device " + requested + ": libtorch sees " + visible + " CUDA device"
                        + (visible == 1 ? "" : "s") + " here");
            }
        }
        device = chosen;
        resolved = true;
    }

    /** Whether models and tensors live on the CPU. */
    public static boolean onCpu() {
        return device == null;
    }

    /** The kind of device models and tensors live on, for the engine's per-device settings (autocast). */
    static torch.DeviceType deviceType() {
        return device == null ? torch.DeviceType.CPU : device.type();
    }

    /**
     * Options for a tensor made from nothing ({@code randn}, {@code zeros}, {@code arange}) on the
     * device, of the type the call defaults to.
     */
    public static TensorOptions options() {
        return device == null ? new TensorOptions() : new TensorOptions(device);
    }

    /** {@code tensor} on the device: itself on the CPU, else a copy there. */
    public static Tensor toDevice(Tensor tensor) {
        return device == null ? tensor : tensor.to(device, tensor.scalar_type());
    }

    /** Moves a whole module (parameters and buffers, in place) to the device. */
    public static void place(Module module) {
        if (device != null) {
            module.to(device, false);
        }
    }

    /** Where loaded weights and optimizer state go, whichever device saved them: the device. */
    static DeviceOptional archiveDevice() {
        return new DeviceOptional(device == null ? new Device(torch.DeviceType.CPU) : device);
    }

    /** Starts the engine with one thread per core unless it was started already; applies a new device. */
    public static synchronized void ensureStarted() {
        if (!started) {
            start(0);
        }
        resolveDevice();
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
        // The CPU build's natives, or the gpu profile's CUDA build and the presets' CUDA bindings.
        for (String folder : List.of("/org/bytedeco/pytorch/" + platform + "/",
                "/org/bytedeco/pytorch/" + platform + "-gpu/", "/org/bytedeco/cuda/" + platform + "/",
                "/org/bytedeco/openblas/" + platform + "/")) {
            if (Torch.class.getResource(folder) == null) {
                continue;
            }
            try {
                Loader.cacheResources(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("could not extract " + folder + " to the JavaCPP cache", e);
            }
        }
        extracted = true;
    }
}
