package dev.regen.train;

import dev.regen.io.ImageGrid;
import dev.regen.model.Generative;
import dev.regen.sample.Sampler;

import java.nio.file.Path;

/** After every epoch, decodes the same fixed latent codes, so that progress shows on the same samples. */
public final class SampleGrids implements TrainingListener {
    private static final int COUNT = 64;

    private final Generative model;
    private final float[] fixedCodes;
    private final int[] labels;
    private final Path folder;

    /** Draws the fixed codes from {@code seed}; grids go to {@code folder/epoch-NNN.png}. */
    public SampleGrids(Generative model, long seed, Path folder) {
        this.model = model;
        this.fixedCodes = Sampler.priorCodes(model, COUNT, seed);
        this.labels = RunReport.gridLabels(model, COUNT);
        this.folder = folder;
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        float[] images = Sampler.decode(model, fixedCodes, labels, COUNT);
        ImageGrid.write(images, COUNT, model.config().shape(), RunReport.COLUMNS,
                folder.resolve(String.format("epoch-%03d.png", metrics.epoch())));
    }
}
