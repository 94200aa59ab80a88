package dev.regen.model;

import dev.regen.nn.Torch;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * A learned prior p(z) = sum_n pi_n N(z; mu_n, diag(sigma_n^2)) over the latent space: means,
 * log-variances and mixture weights are trained with the VAE. A prior that can follow the shape of
 * the aggregate posterior wastes fewer nats than the standard normal does (Tomczak and Welling
 * 2018 compare it with their VampPrior).
 */
public final class GaussianMixturePrior extends Module {
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    /** Components narrower than e^-7 in variance would let the prior spike on single codes. */
    private static final double MIN_LOG_VAR = -7.0;

    private final Tensor means;
    private final Tensor logVars;
    private final Tensor weightLogits;

    /** {@code components} Gaussians over {@code latent} dimensions, means drawn from N(0, I), unit variances, equal weights. */
    public GaussianMixturePrior(int components, int latent) {
        // Handles of our own: register_parameter returns references into a table that may move.
        means = new Tensor(register_parameter("means", torch.randn(components, latent)));
        logVars = new Tensor(register_parameter("log_vars", torch.zeros(components, latent)));
        weightLogits = new Tensor(register_parameter("weight_logits", torch.zeros(components)));
    }

    /**
     * log p(z) per code [B] for codes [B, latent]. The squared distances to all components come
     * from two matrix products, (z^2) P^T - 2 z (mu P)^T + sum(mu^2 P), with P the precisions,
     * instead of a [B, components, latent] difference tensor.
     */
    public Tensor logProb(Tensor z) {
        Tensor logVar = torch.clamp_min(logVars, scalar(MIN_LOG_VAR));
        Tensor precision = logVar.neg().exp();
        Tensor weightedMeans = means.mul(precision);
        Tensor squaredDistance = z.square().mm(precision.t())
                .sub(z.mm(weightedMeans.t()).mul(scalar(2.0)))
                .add(means.mul(weightedMeans).sum(1).unsqueeze(0));
        Tensor logNormaliser = logVar.sum(1).add(scalar(z.size(1) * LOG_TWO_PI)).unsqueeze(0);
        Tensor logComponents = squaredDistance.add(logNormaliser).mul(scalar(-0.5))
                .add(weightLogits.log_softmax(0).unsqueeze(0));
        return torch.logsumexp(logComponents, new long[]{1}, false);
    }

    /** {@code n} codes [n, latent] drawn from the mixture with the engine's generator, detached from the prior's parameters. */
    public Tensor sample(long n) {
        Tensor components = torch.multinomial(weightLogits.softmax(0), n, true, new GeneratorOptional());
        Tensor sigma = torch.clamp_min(logVars, scalar(MIN_LOG_VAR)).mul(scalar(0.5)).exp();
        Tensor eps = torch.randn(new long[]{n, means.size(1)}, Torch.options());
        return means.index_select(0, components).add(sigma.index_select(0, components).mul(eps)).detach();
    }
}
