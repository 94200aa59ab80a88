package dev.regen.train;

import dev.regen.io.ImageGrid;
import dev.regen.model.Vae;
import dev.regen.sample.VaeSampler;

import java.nio.file.Path;

/** After every epoch, decodes the same fixed latent codes, so that progress shows on the same samples. */
public final class SampleGrids implements TrainingListener {
    private static final int COUNT = 64;
    private static final int COLUMNS = 8;

    private final Vae vae;
    private final float[] fixedCodes;
    private final Path folder;

    /** Draws the fixed codes from {@code seed}; grids go to {@code folder/epoch-NNN.png}. */
    public SampleGrids(Vae vae, long seed, Path folder) {
        this.vae = vae;
        this.fixedCodes = VaeSampler.priorCodes(vae, COUNT, seed);
        this.folder = folder;
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        float[] images = VaeSampler.decode(vae, fixedCodes, COUNT);
        ImageGrid.write(images, COUNT, vae.config().shape(), COLUMNS,
                folder.resolve(String.format("epoch-%03d.png", metrics.epoch())));
    }
}
