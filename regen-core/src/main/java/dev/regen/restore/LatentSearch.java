package dev.regen.restore;

import dev.regen.model.Generative;
import dev.regen.sample.LatentDescent;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.function.IntConsumer;

import static dev.regen.nn.Tensors.scalar;

/**
 * Restoration in latent space: the energy of a code z for an observation y is
 * -log p(y | G(z)) + |z|^2 / 2, the negative log posterior up to a constant. The search minimises
 * it by {@link LatentDescent}; {@link #sample} draws from exp(-energy) by the Metropolis-adjusted
 * Langevin algorithm (Roberts and Tweedie 1996).
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
        Observation repeated = observation.repeated(settings.restarts());
        Tensor first = model.autoencoder().map(vae -> {
            try (NoGradGuard noGrad = new NoGradGuard()) {
                return vae.encode(observation.initialGuess(), null).mean();
            }
        }).orElse(null);
        return LatentDescent.search(model, batch, settings.restarts(), settings.steps(), settings.learningRate(),
                z -> energy(repeated, z), first, stepDone);
    }

    /** {@code samples} codes per image [B * samples, latent], image by image, from chains started at {@code codes}. */
    Tensor sample(Observation observation, Tensor codes) {
        int samples = settings.samples();
        Observation repeated = observation.repeated(samples);
        Tensor z = codes.repeat_interleave(samples, new LongOptional(0), new LongOptional()).contiguous();
        Tensor energy = torch.zeros(new long[]{z.size(0)}, Torch.options());
        Tensor gradient = torch.zeros_like(z);
        energyAndGradient(repeated, z, energy, gradient);
        Tensor step = torch.ones(new long[]{z.size(0), 1}, Torch.options()).mul(scalar(INITIAL_STEP));
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
                Tensor accept = torch.lt(torch.rand(new long[]{z.size(0)}, Torch.options()).log(), logRatio);
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
