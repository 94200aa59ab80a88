package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

/**
 * Images of two domains with no pairing, stacked as channels as {@link Paired} stacks pairs, so that
 * one batch carries images of both: item i is image i of A and image i of B, each domain cycling
 * when the other is larger. Which images meet in a batch does not matter to what trains on them
 * (CycleGAN), whose losses treat the two domains apart.
 */
public final class Unpaired implements ImageDataset {
    private final ImageDataset a;
    private final ImageDataset b;
    private final ImageShape shape;

    /**
     * @throws RegenException when the two differ in size
     */
    public Unpaired(ImageDataset a, ImageDataset b) {
        if (a.shape().height() != b.shape().height() || a.shape().width() != b.shape().width()) {
            throw new RegenException(a.source() + " holds " + a.shape() + " images and " + b.source() + " "
                    + b.shape() + ": the two domains need one size");
        }
        this.a = a;
        this.b = b;
        shape = b.shape().withChannels(a.shape().channels() + b.shape().channels());
    }

    /** Channels of domain A's images, which come first in each item. */
    public int inputChannels() {
        return a.shape().channels();
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int size() {
        return Math.max(a.size(), b.size());
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        a.read(index % a.size(), dst, offset);
        b.read(index % b.size(), dst, offset + a.shape().size());
    }

    @Override
    public int classes() {
        return 0;
    }

    @Override
    public int label(int index) {
        return -1;
    }

    @Override
    public String source() {
        return a.source() + " + " + b.source() + " (unpaired)";
    }
}
