package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Input images paired with their targets by file name, as one image each: the input's channels
 * first, then the target's, at one size. What a paired translation model (pix2pix) trains on.
 */
public final class Paired implements ImageDataset {
    private final ImageFolderDataset inputs;
    private final ImageFolderDataset targets;
    private final int[] targetOf;
    private final ImageShape shape;

    private Paired(ImageFolderDataset inputs, ImageFolderDataset targets, int[] targetOf) {
        this.inputs = inputs;
        this.targets = targets;
        this.targetOf = targetOf;
        shape = targets.shape().withChannels(inputs.shape().channels() + targets.shape().channels());
    }

    /**
     * Pairs every input with the target of the same file name.
     *
     * @throws RegenException when the two differ in size, when a name repeats within a folder, or
     *                        when any image of either folder has no counterpart (with the counts)
     */
    public static Paired byName(ImageFolderDataset inputs, ImageFolderDataset targets) {
        ImageShape a = inputs.shape();
        ImageShape b = targets.shape();
        if (a.height() != b.height() || a.width() != b.width()) {
            throw new RegenException(inputs.source() + " holds " + a + " images and " + targets.source() + " " + b
                    + ": pairs need one size");
        }
        Map<String, Integer> byName = names(targets);
        names(inputs);
        List<Integer> matched = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Integer t = byName.get(inputs.name(i));
            if (t == null) {
                unmatched.add(inputs.name(i));
            } else {
                matched.add(t);
            }
        }
        int lonelyTargets = targets.size() - matched.size();
        if (!unmatched.isEmpty() || lonelyTargets > 0) {
            throw new RegenException(unmatched.size() + " of the " + inputs.size() + " images in " + inputs.source()
                    + " have no image of the same name in " + targets.source() + ", and " + lonelyTargets + " of its "
                    + targets.size() + " none in the inputs" + (unmatched.isEmpty() ? ""
                    : " (such as " + unmatched.get(0) + ")") + ": paired training needs every image's counterpart");
        }
        return new Paired(inputs, targets, matched.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Map<String, Integer> names(ImageFolderDataset images) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            if (byName.put(images.name(i), i) != null) {
                throw new RegenException(images.source() + " holds two images named " + images.name(i)
                        + ": pairs are matched by file name, which must be unique");
            }
        }
        return byName;
    }

    /** Channels of the input images, which come first in each pair. */
    public int inputChannels() {
        return inputs.shape().channels();
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int size() {
        return inputs.size();
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        inputs.read(index, dst, offset);
        targets.read(targetOf[index], dst, offset + inputs.shape().size());
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
        return inputs.source() + " -> " + targets.source();
    }
}
