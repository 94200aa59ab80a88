package dev.regen.restore;

import dev.regen.TestData;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.data.damage.Damaged;
import dev.regen.data.damage.GaussianNoise;
import dev.regen.eval.metric.ImageQuality;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassicalBaselinesTest {
    @Test
    void colourNonLocalMeansDenoisesTheShippedEmoji() {
        ImageDataset emoji = DataSource.prepare(DataConfig.of(TestData.FASHION.resolveSibling("emoji")
                .resolve("google").toString()), 1).split().test();
        ImageShape shape = emoji.shape();
        GaussianNoise noise = new GaussianNoise(0.2);
        ClassicalMethod nlm = ClassicalBaselines.forCorruption(noise).stream()
                .filter(m -> m.name().equals("non-local means")).findFirst().orElseThrow();
        double damagedPsnr = 0;
        double restoredPsnr = 0;
        int n = 10;
        for (int i = 0; i < n; i++) {
            float[] clean = emoji.read(new int[]{i});
            Damaged damaged = noise.apply(clean, 0, shape, i);
            damagedPsnr += ImageQuality.psnr(clean, damaged.pixels(), 0, shape) / n;
            restoredPsnr += ImageQuality.psnr(clean, nlm.restore(damaged, shape), 0, shape) / n;
        }
        assertTrue(restoredPsnr > damagedPsnr + 3, restoredPsnr + " dB against the damaged " + damagedPsnr + " dB");
    }
}
