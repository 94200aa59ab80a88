package dev.regen.restore;

import dev.regen.RegenException;
import dev.regen.config.TranslationDirection;
import dev.regen.model.Network;
import dev.regen.model.Translator;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

import java.util.function.IntConsumer;

/**
 * One pass of a network trained to undo the damage (pix2pix trained with a restoration task):
 * the damaged image, shown at the model's size as in training, through the network; then what was
 * observed exactly is put back.
 */
final class NetworkPass implements MethodStrategy {
    private final Translator network;

    NetworkPass(Network model) {
        if (!(model instanceof Translator translator) || !translator.translates(TranslationDirection.A2B)
                || !translator.inputShape(TranslationDirection.A2B).equals(model.config().shape())) {
            throw new RegenException("the network method needs a pix2pix trained for a restoration task "
                    + "(regen train --model pix2pix --task ...), not a " + model.config().kind().id());
        }
        this.network = translator;
    }

    @Override
    public long stepsPerBatch() {
        return 1;
    }

    @Override
    public Restored restore(Observation observation, long batch, IntConsumer stepDone) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            Tensor restored = observation.consistent(network.translate(observation.initialGuess(),
                    TranslationDirection.A2B));
            stepDone.accept(1);
            return new Restored(restored, null);
        }
    }
}
