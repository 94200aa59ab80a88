package dev.regen.nn;

import dev.regen.config.Precision;
import org.bytedeco.pytorch.global.torch;

/**
 * A region of code with libtorch's autocast to bfloat16 on or off for the device models live on
 * (the CPU's or CUDA's autocast), the state before it restored when it closes. Autocast state is
 * per thread. Its cache of cast weights is turned off: libtorch clears it only on leaving Python's
 * autocast context, so weights an optimizer has just updated would otherwise be read from a stale
 * copy.
 */
public final class Autocast implements AutoCloseable {
    private final torch.DeviceType type;
    private final boolean before;

    private Autocast(boolean enabled) {
        type = Torch.deviceType();
        before = torch.is_autocast_enabled(type);
        if (enabled) {
            torch.set_autocast_dtype(type, torch.ScalarType.BFloat16);
            torch.set_autocast_cache_enabled(false);
        }
        torch.set_autocast_enabled(type, enabled);
    }

    /** A region computed in {@code precision}: autocast on for {@link Precision#BF16}, off for fp32. */
    public static Autocast of(Precision precision) {
        return new Autocast(precision == Precision.BF16);
    }

    /**
     * A region without autocast, for a backward pass and the optimizer's update: gradients flow in
     * the formats the forward pass recorded, and the weights are updated in fp32.
     */
    public static Autocast suspended() {
        return new Autocast(false);
    }

    @Override
    public void close() {
        torch.set_autocast_enabled(type, before);
    }
}
