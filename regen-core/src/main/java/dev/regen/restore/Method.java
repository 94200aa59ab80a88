package dev.regen.restore;

import dev.regen.config.Named;
import dev.regen.RegenException;
import dev.regen.data.damage.Corruption;
import dev.regen.model.Generative;
import dev.regen.model.Network;
import dev.regen.model.SavedModel;
import dev.regen.model.Translator;

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

    /** The method {@code regen restore} uses unless told: the network pass for a restoration network, else optimisation. */
    public static Method defaultFor(Network model) {
        return model instanceof Translator ? NETWORK : OPTIMISATION;
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
