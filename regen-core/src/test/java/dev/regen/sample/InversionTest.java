package dev.regen.sample;

import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.model.Gan;
import dev.regen.model.Vae;
import dev.regen.nn.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InversionTest {
    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);
    private static final int N = 6;

    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    private static double meanSquaredError(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum / a.length;
    }

    @Test
    void aGansInvertedCodesRegenerateItsOwnImagesFarCloserThanPriorDraws() {
        Torch.seed(3);
        Gan gan = new Gan(new ModelConfig(ModelKind.DCGAN, SHAPE, 8, Likelihood.BERNOULLI, 8, 0));
        float[] images = Sampler.sample(gan, N, 11, null);
        long[] reported = new long[2];
        float[] codes = new Inversion(2, 200, 0.05, 1).codes(gan, images, null, N, (done, all) -> {
            reported[0] = done;
            reported[1] = all;
        });
        assertArrayEquals(new long[]{N, N}, reported);
        double inverted = meanSquaredError(Sampler.decode(gan, codes, null, N), images);
        double drawn = meanSquaredError(Sampler.sample(gan, N, 12, null), images);
        assertTrue(inverted < drawn / 20, "inverted " + inverted + " against prior draws " + drawn);
        assertArrayEquals(codes, new Inversion(2, 200, 0.05, 1).codes(gan, images, null, N, (done, all) -> { }),
                "the same seed gives the same codes");
    }

    @Test
    void aModelWithAnEncoderTakesItsPosteriorMeans() {
        Vae vae = new Vae(ModelConfig.convVae(SHAPE));
        float[] images = Sampler.sample(vae, N, 5, null);
        float[] codes = Inversion.defaults().codes(vae, images, null, N, (done, all) -> { });
        assertArrayEquals(Sampler.encode(vae, images, null, N), codes);
        assertEquals(N * vae.config().latent(), codes.length);
    }
}
