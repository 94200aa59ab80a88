package dev.regen.nn;

import dev.regen.config.FeatureNorm;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** One normalisation of feature maps in a translation network, of the kind {@link FeatureNorm} names. */
final class NormLayer {
    private final FeatureNorm norm;
    private final BatchNorm2dImpl batchNorm;

    /** A layer for maps of {@code channels}; batch norm registers its weights in {@code owner} as {@code name}. */
    NormLayer(Module owner, String name, FeatureNorm norm, int channels) {
        this.norm = norm;
        batchNorm = norm == FeatureNorm.BATCH
                ? owner.register_module(name, new BatchNorm2dImpl(new BatchNormOptions(channels))) : null;
    }

    /** The normalised maps [B, C, H, W], channel-major (the translation networks' layout). */
    Tensor forward(Tensor maps) {
        return switch (norm) {
            // Group norm with a group per channel is instance norm without its affine part (Wu and
            // He 2018, section 3.1), the same statistics and epsilon; the engine's channel-major
            // group norm runs 2-4x faster than its instance norm (docs/BENCHMARKS.md).
            case INSTANCE -> torch.group_norm(maps, maps.size(1));
            case BATCH -> batchNorm.forward(maps);
            case NONE -> maps;
        };
    }
}
