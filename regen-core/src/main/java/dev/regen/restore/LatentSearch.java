package dev.regen.restore;

import dev.regen.model.Generative;
import dev.regen.nn.Adams;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.function.IntConsumer;

import static dev.regen.nn.Tensors.scalar;

/**
 * Restoration in latent space: the energy of a code z for an observation y is
 * -log p(y | G(z)) + |z|^2 / 2, the negative log posterior up to a constant. The search minimises
 * it with Adam from several starts (Bora et al. 2017, "Compressed sensing using generative
 * models"); {@link #sample} draws from exp(-energy) by the Metropolis-adjusted Langevin algorithm
 * (Roberts and Tweedie 1996).
 */
final class LatentSearch {
    /** Langevin step size to start from, adapted per chain during the first half of the steps. */
    private static final double INITIAL_STEP = 1e-3;
    /** Acceptance rate MALA's step adaptation aims for (Roberts and Rosenthal 1998). */
    private static final double TARGET_ACCEPTANCE = 0.574;
    private static final double ADAPTATION_RATE = 0.1;

    private final Generative model;
    private final RestoreSettings settings;
    private final IntConsumer stepDone;

    /** @param stepDone told after every step, to move a progress bar */
    LatentSearch(Generative model, RestoreSettings settings, IntConsumer stepDone) {
        this.model = model;
        this.settings = settings;
        this.stepDone = stepDone;
    }

    /**
     * The lowest-energy code per image [B, latent] after {@code steps} Adam steps from each of
     * {@code restarts} starts: prior draws, and for a model with an encoder, the encoding of the
     * first guess as the first.
     */
    Tensor search(Observation observation, long batch) {
        int restarts = settings.restarts();
        Observation repeated = observation.repeated(restarts);
        Tensor z = model.samplePrior(batch * restarts);
        model.autoencoder().ifPresent(vae -> {
            try (NoGradGuard noGrad = new NoGradGuard()) {
                z.view(batch, restarts, -1).select(1, 0).copy_(vae.encode(observation.initialGuess(), null).mean());
            }
        });
        z.requires_grad_(true);
        Adam adam = Adams.adam(new TensorVector(z), settings.learningRate(), 0.9, 0.999);
        for (int step = 0; step < settings.steps(); step++) {
            try (PointerScope scope = new PointerScope()) {
                adam.zero_grad();
                energy(repeated, z).sum().backward();
                adam.step();
            }
            stepDone.accept(step + 1);
        }
        try (NoGradGuard noGrad = new NoGradGuard()) {
            Tensor best = energy(repeated, z).view(batch, restarts).argmin(new LongOptional(1), false);
            Tensor rows = torch.arange(new Scalar(batch)).mul(new Scalar((long) restarts)).add(best);
            return z.index_select(0, rows).detach();
        }
    }

    /** {@code samples} codes per image [B * samples, latent], image by image, from chains started at {@code codes}. */
    Tensor sample(Observation observation, Tensor codes) {
        int samples = settings.samples();
        Observation repeated = observation.repeated(samples);
        Tensor z = codes.repeat_interleave(samples, new LongOptional(0), new LongOptional()).contiguous();
        Tensor energy = torch.zeros(z.size(0));
        Tensor gradient = torch.zeros_like(z);
        energyAndGradient(repeated, z, energy, gradient);
        Tensor step = torch.ones(z.size(0), 1).mul(scalar(INITIAL_STEP));
        Tensor proposalEnergy = torch.zeros_like(energy);
        Tensor proposalGradient = torch.zeros_like(gradient);
        for (int i = 0; i < settings.steps(); i++) {
            try (PointerScope scope = new PointerScope()) {
                Tensor noise = torch.randn_like(z);
                Tensor proposal = z.sub(step.mul(gradient)).add(step.mul(scalar(2.0)).sqrt().mul(noise));
                energyAndGradient(repeated, proposal, proposalEnergy, proposalGradient);
                // log q(z | z') - log q(z' | z) for the Langevin proposal q(z' | z) = N(z - s grad, 2 s I).
                Tensor back = z.sub(proposal).add(step.mul(proposalGradient)).square().sum(1)
                        .div(step.flatten(0, -1).mul(scalar(4.0)));
                Tensor logRatio = energy.sub(proposalEnergy).sub(back).add(noise.square().sum(1).mul(scalar(0.5)));
                Tensor accept = torch.lt(torch.rand(z.size(0)).log(), logRatio);
                Tensor acceptRows = accept.unsqueeze(1);
                z.copy_(torch.where(acceptRows, proposal, z));
                energy.copy_(torch.where(accept, proposalEnergy, energy));
                gradient.copy_(torch.where(acceptRows, proposalGradient, gradient));
                if (i < settings.steps() / 2) {
                    Tensor rate = acceptRows.to(torch.ScalarType.Float).sub(scalar(TARGET_ACCEPTANCE));
                    step.mul_(rate.mul(scalar(ADAPTATION_RATE)).exp());
                }
            }
            stepDone.accept(i + 1);
        }
        return z;
    }

    /** -log p(y | G(z)) - log p(z) per code. */
    private Tensor energy(Observation observation, Tensor z) {
        return observation.misfit(model.generate(z, null)).sub(model.logPrior(z));
    }

    /** Writes the energy of each code and its gradient into {@code energy} and {@code gradient}. */
    private void energyAndGradient(Observation observation, Tensor z, Tensor energy, Tensor gradient) {
        try (PointerScope scope = new PointerScope()) {
            Tensor leaf = z.detach().requires_grad_(true);
            Tensor e = energy(observation, leaf);
            e.sum().backward();
            energy.copy_(e.detach());
            gradient.copy_(leaf.grad());
        }
    }
}
