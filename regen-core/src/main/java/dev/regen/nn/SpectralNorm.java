package dev.regen.nn;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * Spectral normalisation of one weight (Miyato et al. 2018): the weight divided by an estimate of
 * its largest singular value, refined by one power iteration per training forward pass. libtorch's
 * C++ API has no such wrapper, so it is built here from the engine's own operations.
 *
 * <p>The singular vectors u and v are buffers of the owning module, so they are saved with the
 * weights and a resumed run continues the same iteration.
 */
final class SpectralNorm {
    private static final double EPS = 1e-12;

    private final Module owner;
    private final Tensor weight;
    private final Tensor u;
    private final Tensor v;

    /** Normalises {@code weight}, a parameter of {@code owner}; {@code name} prefixes the buffers. */
    SpectralNorm(Module owner, String name, Tensor weight) {
        this.owner = owner;
        this.weight = new Tensor(weight);
        long rows = weight.size(0);
        long cols = weight.numel() / rows;
        // register_buffer returns a reference into the module's buffer table, which moves when the
        // table grows; a handle of our own shares the buffer's storage and stays valid.
        this.u = new Tensor(owner.register_buffer(name + "_u", normalize(torch.randn(rows))));
        this.v = new Tensor(owner.register_buffer(name + "_v", normalize(torch.randn(cols))));
    }

    /** W / sigma(W); in training mode, first one power-iteration step on u and v. */
    Tensor normalized() {
        Tensor matrix = weight.reshape(weight.size(0), -1);
        if (owner.is_training()) {
            try (NoGradGuard noGrad = new NoGradGuard()) {
                v.copy_(normalize(matrix.t().mv(u)));
                u.copy_(normalize(matrix.mv(v)));
            }
        }
        // sigma = u^T W v with u and v held fixed: gradients flow through W only. Clones, because the
        // next forward pass (fake images after real ones) updates u and v in place while this
        // pass's graph still needs their current values.
        Tensor sigma = u.clone().dot(matrix.mv(v.clone()));
        return weight.div(sigma);
    }

    private static Tensor normalize(Tensor x) {
        return x.div(x.square().sum().sqrt().add(scalar(EPS)));
    }
}
