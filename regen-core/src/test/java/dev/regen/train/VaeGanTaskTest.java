package dev.regen.train;

import dev.regen.TestData;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.data.Split;
import dev.regen.eval.VaeEvaluator;
import dev.regen.model.SavedModel;
import dev.regen.model.Vae;
import dev.regen.model.VaeGan;
import dev.regen.nn.Torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaeGanTaskTest {
    @TempDir
    Path temp;

    /** With a weight average the epoch's test ELBO is the averaged VAE's, the one the final model holds. */
    @ParameterizedTest
    @ValueSource(doubles = {0, 0.99})
    void aVaeGanLearnsTheElboWithItsAdversaryAndLoadsAsAVaeWhoseElboTheLastEpochReported(double emaDecay) {
        Torch.start(2);
        TestData.Prepared prepared = TestData.prepared(temp.resolve("data"), 640, 100, 1L);
        DataConfig data = prepared.config();
        Split split = prepared.split();
        ModelConfig config = new ModelConfig(ModelKind.VAE_GAN, new ImageShape(1, 28, 28), 8, Likelihood.BERNOULLI, 8);
        Torch.seed(1L);
        double untrained = VaeEvaluator.elbo(new VaeGan(config).vae(), split.test(), 1L).negativeElbo();
        Run.Result result = Run.start(config, TrainConfig.builder().epochs(2).batchSize(64).learningRate(1e-3)
                .seed(1L).threads(2).emaDecay(emaDecay).build(), data, split,
                temp.resolve("run"), "test", new TrainingListener() { });
        EpochMetrics last = result.history().get(1);
        assertTrue(last.train().containsKey("adversarial") && last.train().containsKey("d"), last.toString());
        assertTrue(last.test().get("-elbo") < untrained - 10, untrained + " -> " + last.test().get("-elbo"));
        SavedModel saved = SavedModel.load(result.files().model());
        assertEquals("vae-gan", saved.file().manifest().type());
        Vae vae = saved.vae();
        assertEquals(last.test().get("-elbo"), VaeEvaluator.elbo(vae, split.test(), 1L).negativeElbo(), 1e-3);
        Vae trained = SavedModel.load(result.files().checkpoint()).vae();
        boolean same = Weights.snapshot(trained.parameters()).get(0)[0] == Weights.snapshot(vae.parameters()).get(0)[0];
        assertEquals(emaDecay == 0, same, "the final model is the average, the checkpoint the trained weights");
    }
}
