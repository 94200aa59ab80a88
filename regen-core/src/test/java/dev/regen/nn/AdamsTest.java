package dev.regen.nn;

import org.bytedeco.pytorch.AdamOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdamsTest {
    @BeforeAll
    static void start() {
        Torch.start(1);
    }

    @Test
    void betasLandInTheRightPlaceOfLibtorchsTuple() {
        // The engine's own defaults show the layout: (beta1, beta2) = (0.9, 0.999) reads back reversed.
        AdamOptions defaults = new AdamOptions(1e-3);
        assertEquals(0.999, defaults.betas().get(0));
        assertEquals(0.9, defaults.betas().get(1));
        AdamOptions ours = Adams.adamOptions(2e-4, 0.5, 0.99);
        assertEquals(0.99, ours.betas().get(0));
        assertEquals(0.5, ours.betas().get(1));
        assertEquals(2e-4, ours.get_lr());
    }
}
