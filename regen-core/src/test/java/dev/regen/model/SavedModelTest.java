package dev.regen.model;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.io.ModelFile;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import dev.regen.sample.Sampler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SavedModelTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    @Test
    void aModelWrittenByRelease010StillLoadsAndSamples() throws URISyntaxException {
        Path file = Path.of(SavedModelTest.class.getResource("/models/vae-format1.regen").toURI());
        SavedModel saved = SavedModel.load(file);
        assertEquals(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 28, 28), 4, Likelihood.BERNOULLI, 8),
                saved.model().config());
        assertEquals("0.1.0", saved.file().manifest().provenance().regenVersion());
        // Its flat training settings read into the sections of this build.
        assertEquals(TrainConfig.builder().epochs(1).batchSize(128).learningRate(1e-3).seed(3).threads(0).build(),
                saved.file().manifest().training());
        float[] images = Sampler.sample(saved.generative(), 3, 1L, null);
        assertEquals(3 * 784, images.length);
    }

    @Test
    void weightsRoundTripExactly() {
        Torch.seed(11L);
        // With a learned prior, whose parameters must travel with the rest.
        Vae vae = new Vae(new ModelConfig(ModelKind.MLP_VAE, new ImageShape(3, 9, 7), 5, Likelihood.LOGISTIC, 12, 0, 3));
        Path path = temp.resolve("m.regen");
        SavedModel.write(path, vae, dev.regen.TestData.manifest("vae").withModel(vae.config()), Map.of());
        Vae loaded = SavedModel.load(path).vae();
        var a = vae.named_parameters();
        var b = loaded.named_parameters();
        assertEquals(a.size(), b.size());
        for (long i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).key().getString(), b.get(i).key().getString());
            assertArrayEquals(Tensors.floats(a.get(i).value()), Tensors.floats(b.get(i).value()));
        }
    }

    @Test
    void theSameModelSavedTwiceGivesTheSameFileByteForByte() throws Exception {
        Torch.seed(5L);
        Vae vae = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 28, 28), 4, Likelihood.BERNOULLI, 8));
        Path first = temp.resolve("first.regen");
        Path second = temp.resolve("second.regen");
        SavedModel.write(first, vae, dev.regen.TestData.manifest("vae").withModel(vae.config()), Map.of());
        SavedModel.write(second, vae, dev.regen.TestData.manifest("vae").withModel(vae.config()), Map.of());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedWithOneSentence() {
        Torch.seed(1L);
        Vae small = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 28, 28), 4, Likelihood.BERNOULLI, 8));
        Path path = temp.resolve("liar.regen");
        // The manifest claims 16 latents, the weights have 4.
        ModelConfig claimed = new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 28, 28), 16, Likelihood.BERNOULLI, 8);
        SavedModel.write(path, small, dev.regen.TestData.manifest("vae").withModel(claimed), Map.of());
        RegenException e = assertThrows(RegenException.class, () -> SavedModel.load(path));
        assertTrue(e.getMessage().contains("do not fit this architecture"), e.getMessage());
        assertTrue(ModelFile.read(path).entry(ModelFile.WEIGHTS).isPresent());
    }
}
