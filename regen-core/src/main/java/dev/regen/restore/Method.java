package dev.regen.restore;

import dev.regen.config.ModelConfig;
import dev.regen.config.Named;
import dev.regen.RegenException;
import dev.regen.data.damage.Corruption;
import dev.regen.model.Generative;
import dev.regen.model.Network;
import dev.regen.model.SavedModel;
import dev.regen.model.Translator;

import java.util.List;

/** How a trained model restores an image. */
public enum Method implements Named {
    /**
     * Encode the damaged image, decode the posterior mean, put the known pixels back; repeated a
     * few times for missing pixels and low resolution. Needs a VAE; one pass of the networks.
     */
    PROJECTION,
    /**
     * Search the latent space for the code whose image best explains the observation under the
     * damage model and the prior, from several starts. Works with any generator.
     */
    OPTIMISATION,
    /**
     * Draw several plausible restorations from p(z | observation) by Metropolis-adjusted Langevin
     * dynamics started at the optimum; their mean is the restoration.
     */
    POSTERIOR,
    /**
     * One pass of a network trained to undo this damage: pix2pix trained with a restoration task
     * ({@code regen train --model pix2pix --task ...}); what was observed exactly is put back.
     */
    NETWORK;

    @Override
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a method name such as {@code posterior}. */
    public static Method parse(String name) {
        return Named.parse(Method.class, "method", name);
    }

    /**
     * The method to restore {@code damage} with {@code saved}: {@code asked}, or unless told the
     * model's default (the network pass for a restoration network, else latent search).
     *
     * @throws RegenException (one line) when the model cannot restore this damage that way
     */
    public static Method choose(SavedModel saved, Corruption damage, Method asked) {
        requireTrainedFor(saved, damage);
        List<Method> available = availableFor(saved.model().config(),
                saved.file().manifest().training().objective().inputDamage());
        if (available.isEmpty()) {
            throw new RegenException(saved.path() + " is a " + saved.model().config().kind().id() + ": restoring "
                    + "needs a VAE, a GAN or a pix2pix trained for the task");
        }
        if (asked == null) {
            return available.get(0);
        }
        if (!available.contains(asked)) {
            throw new RegenException("a " + saved.model().config().kind().id() + " restores by "
                    + String.join(", ", available.stream().map(Method::id).toList()) + ", not by " + asked.id());
        }
        return asked;
    }

    /**
     * The methods a model of {@code model}'s configuration restores with, the default first; none
     * for a classifier or a translator not trained for a restoration task.
     *
     * @param learned the damage a translator was trained to undo, else null
     */
    public static List<Method> availableFor(ModelConfig model, Corruption learned) {
        return switch (model.kind().family()) {
            case VAE, VAE_GAN -> List.of(OPTIMISATION, POSTERIOR, PROJECTION);
            case GAN -> List.of(OPTIMISATION, POSTERIOR);
            case PIX2PIX -> learned == null ? List.of() : List.of(NETWORK);
            case CYCLEGAN, CLASSIFIER -> List.of();
        };
    }

    /**
     * Fails when {@code saved} is a translation model that was not trained to undo {@code damage}:
     * a network restores only the damage it learned (a VAE or GAN restores any, through its prior).
     */
    public static void requireTrainedFor(SavedModel saved, Corruption damage) {
        if (!(saved.model() instanceof Translator)) {
            return;
        }
        Corruption learned = saved.file().manifest().training().objective().inputDamage();
        if (learned == null) {
            throw new RegenException(saved.path() + " translates images and was not trained for a restoration task "
                    + "(regen train --model pix2pix --task ...)");
        }
        if (learned.task() != damage.task()) {
            throw new RegenException(saved.path() + " was trained to " + learned.task().id() + " (" + learned.spec()
                    + "), not to undo " + damage.spec());
        }
    }

    /** What this method does to a batch, for {@code model}. */
    MethodStrategy strategy(Network model, RestoreSettings settings) {
        return switch (this) {
            case PROJECTION -> new Projection(generator(model), settings);
            case OPTIMISATION -> new LatentOptimisation(generator(model), settings);
            case POSTERIOR -> new PosteriorSampling(generator(model), settings);
            case NETWORK -> new NetworkPass(model);
        };
    }

    private Generative generator(Network model) {
        if (model instanceof Generative generative) {
            return generative;
        }
        throw new RegenException("a " + model.config().kind().id() + " has no latent space for the " + id()
                + " method: restore with the network method");
    }
}
