package dev.regen.eval;

import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.model.Classifier;
import dev.regen.model.ModelFamilies;
import dev.regen.nn.Torch;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ClassifierEvaluatorTest {
    @Test
    void predictionsRunWithoutDropoutSoTheyRepeat() {
        Torch.start(2);
        Torch.seed(3);
        Classifier classifier = (Classifier) ModelFamilies.build(new ModelConfig(ModelKind.CLASSIFIER,
                new ImageShape(1, 28, 28), 64, Likelihood.BERNOULLI, 8, 10));
        Random random = new Random(5);
        float[] features = new float[200 * 64];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) Math.abs(random.nextGaussian());
        }
        int[] first = ClassifierEvaluator.predict(classifier, features, 200);
        for (int round = 0; round < 3; round++) {
            // With dropout 0.3 on 64 features, some of 200 predictions would change between calls.
            assertArrayEquals(first, ClassifierEvaluator.predict(classifier, features, 200));
        }
    }
}
