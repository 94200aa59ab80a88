package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * A history of generated images for a discriminator to learn from (Shrivastava et al. 2017, used by
 * CycleGAN, Zhu et al. 2017, section 4): until it is full every fake is stored and passed on; then
 * each fake is, with probability one half, passed on as it is, else swapped for a random stored one,
 * which it replaces. The images live in the module's buffers so that a checkpoint keeps them and a
 * resumed run draws as an uninterrupted one; the draws come from the engine's seeded generator.
 */
public final class ImagePool extends Module {
    private final int capacity;
    private final Tensor images;
    private final Tensor stored;

    /** A pool of up to {@code capacity} images of {@code shape}; 0 passes every fake on. */
    public ImagePool(int capacity, ImageShape shape) {
        this.capacity = capacity;
        // Own handles of the registered buffers: the returned references move when the table grows.
        images = new Tensor(register_buffer("images", torch.zeros(Math.max(1, capacity), shape.channels(),
                shape.height(), shape.width())));
        stored = new Tensor(register_buffer("stored", torch.zeros(1)));
    }

    /** The images [B, C, H, W] for the discriminator in place of {@code fakes} (detached). */
    public Tensor query(Tensor fakes) {
        if (capacity == 0) {
            return fakes;
        }
        try (NoGradGuard noGrad = new NoGradGuard()) {
            TensorVector out = new TensorVector();
            for (long i = 0; i < fakes.size(0); i++) {
                Tensor fake = fakes.select(0, i).detach().clone();
                int count = (int) stored.item_double();
                if (count < capacity) {
                    images.select(0, count).copy_(fake);
                    stored.add_(Tensors.scalar(1.0));
                    out.push_back(fake);
                } else if (torch.rand(1).item_double() < 0.5) {
                    int slot = (int) (torch.rand(1).item_double() * capacity);
                    out.push_back(images.select(0, slot).clone());
                    images.select(0, slot).copy_(fake);
                } else {
                    out.push_back(fake);
                }
            }
            return torch.stack(out);
        }
    }
}
