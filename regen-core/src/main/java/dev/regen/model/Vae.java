package dev.regen.model;

import dev.regen.nn.Noise;
import dev.regen.RegenException;
import dev.regen.config.Check;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.nn.ConvDecoder;
import dev.regen.nn.ConvEncoder;
import dev.regen.nn.ConvGeometry;
import dev.regen.nn.Decoder;
import dev.regen.nn.Encoder;
import dev.regen.nn.MlpDecoder;
import dev.regen.nn.MlpEncoder;
import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.List;
import java.util.Optional;

import static dev.regen.nn.Tensors.scalar;

/**
 * A variational autoencoder (Kingma and Welling 2014): an encoder for q(z|x), a decoder for
 * p(x|z), a prior p(z), and the losses built from them. A conditional VAE (Sohn et
 * al. 2015) also takes class labels y: the decoder reads a learned label embedding beside z, and a
 * second embedding shifts the posterior parameters, giving q(z|x,y) and p(x|z,y). The prior is the
 * standard normal or, when the config asks for components, a learned {@link GaussianMixturePrior}.
 *
 * <p>Every method takes labels [B] (int64) for a conditional model and null otherwise.
 */
public final class Vae extends Module implements Generative {
    /** The VAE family: 16 latents, 32 base filters, Adam at 1e-3 (Kingma and Ba's default). */
    public static final ModelFamily<Vae> FAMILY = new ModelFamily<>(ModelKind.Family.VAE, Vae.class, Vae::new,
            kind -> new ModelFamily.Defaults(16, 32, 1e-3, 1), Vae::validate, Vae::architecture);

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    private static final double MIN_LOG_SCALE = -7.0;

    private final ModelConfig config;
    private final Encoder encoder;
    private final Decoder decoder;
    private final Tensor logScale;
    private final EmbeddingImpl encoderLabels;
    private final EmbeddingImpl decoderLabels;
    private final GaussianMixturePrior mixturePrior;

    /** Builds an untrained model with the engine's default initialisation. */
    public Vae(ModelConfig config) {
        this.config = config;
        int c = config.shape().channels();
        int latent = config.latent();
        int decoderInputs = config.conditional() ? 2 * latent : latent;
        switch (config.kind()) {
            case CONV_VAE, VAE_GAN -> {
                ConvEncoder convEncoder = new ConvEncoder(config.shape(), config.width(), 2 * latent);
                encoder = register_module("encoder", convEncoder);
                decoder = register_module("decoder", config.tied()
                        ? new ConvDecoder(config.shape(), config.width(), decoderInputs, convEncoder.convolutionWeights())
                        : new ConvDecoder(config.shape(), config.width(), decoderInputs, false));
            }
            case MLP_VAE -> {
                encoder = register_module("encoder", new MlpEncoder(config.shape(), config.width(), latent));
                decoder = register_module("decoder", new MlpDecoder(config.shape(), config.width(), decoderInputs));
            }
            default -> throw new IllegalArgumentException("not a VAE: " + config.kind());
        }
        encoderLabels = config.conditional()
                ? register_module("encoder_labels", new EmbeddingImpl(config.classes(), 2L * latent)) : null;
        decoderLabels = config.conditional()
                ? register_module("decoder_labels", new EmbeddingImpl(config.classes(), latent)) : null;
        mixturePrior = config.priorComponents() > 0
                ? register_module("prior", new GaussianMixturePrior(config.priorComponents(), latent)) : null;
        // A handle of our own: register_parameter returns a reference into a table that may move.
        logScale = config.likelihood() == Likelihood.BERNOULLI
                ? null
                : new Tensor(register_parameter("log_scale", torch.zeros(1, c, 1, 1).sub(scalar(2.0))));
    }

    /** The encoder's layers, and how the decoder mirrors them. */
    static String architecture(ModelConfig c) {
        if (c.kind() == ModelKind.MLP_VAE) {
            return String.format("encoder %d -> %d -> %d (tanh) -> 2 x %d; decoder mirrors it", c.shape().size(),
                    c.width(), c.width(), c.latent());
        }
        return "encoder " + ConvGeometry.of(c.shape(), c.width()).downward() + " (4x4 stride-2 convolutions, ReLU)"
                + " -> 2 x " + c.latent() + "; decoder " + c.latent() + " -> " + ConvGeometry.of(c.shape(), c.width()).upward()
                + (c.tied() ? " (transposed convolutions tied to the encoder's weights, biases of their own)"
                : " (transposed convolutions)");
    }

    /**
     * Fails on settings that contradict each other: free bits with a learned prior (they split the
     * KL to the standard normal by dimension), or the importance-weighted bound with a reweighted
     * KL (it is a bound on log p(x) only unweighted).
     */
    static void validate(ModelConfig model, TrainConfig training) {
        TrainConfig.Objective objective = training.objective();
        if (model.priorComponents() > 0 && objective.freeBits() > 0) {
            throw new RegenException("free bits split the KL to the standard normal prior by dimension; they cannot "
                    + "be used with a learned prior");
        }
        if (objective.iwae()) {
            if (objective.beta() != 1.0 || objective.freeBits() > 0 || objective.klWarmupEpochs() > 0) {
                throw new RegenException("the importance-weighted objective is a bound on log p(x); it takes no beta, "
                        + "free bits or KL warm-up");
            }
            Check.range("importance samples", objective.iwaeSamples(), 2, 5000);
        }
        ModelFamilies.refuseAugmentation(model, training);
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Tensor generate(Tensor latents, Tensor labels) {
        return decode(latents, labels);
    }

    @Override
    public Optional<Vae> autoencoder() {
        return Optional.of(this);
    }

    @Override
    public Tensor samplePrior(long n) {
        return mixturePrior == null ? Generative.super.samplePrior(n) : mixturePrior.sample(n);
    }

    @Override
    public Tensor logPrior(Tensor z) {
        return mixturePrior == null ? Generative.super.logPrior(z) : mixturePrior.logProb(z);
    }

    @Override
    public void evaluationMode(boolean evaluation) {
        train(!evaluation);
    }

    @Override
    public Module network() {
        return this;
    }

    /** q(z|x, y) for images [B, C, H, W] in [0, 1]. */
    public Posterior encode(Tensor images, Tensor labels) {
        return posterior(encoder.forward(images), labels);
    }

    /** q(z|x, y) from the encoder's output for x (the last of {@link #encoderPathway}). */
    public Posterior posterior(Tensor encoderOutput, Tensor labels) {
        Tensor parameters = encoderOutput;
        if (encoderLabels != null) {
            parameters = parameters.add(encoderLabels.forward(labels));
        }
        TensorVector parts = parameters.chunk(2, 1);
        return new Posterior(parts.get(0), parts.get(1));
    }

    /** The encoder's activations of images [B, C, H, W], layer by layer (see {@link Encoder#pathway}). */
    public List<Tensor> encoderPathway(Tensor images) {
        return encoder.pathway(images);
    }

    /** Decoder logits [B, C, H, W] for latents [B, latent]. */
    public Tensor decodeLogits(Tensor latents, Tensor labels) {
        Tensor input = decoderLabels == null ? latents
                : torch.cat(new TensorVector(latents, decoderLabels.forward(labels)), 1);
        return decoder.forward(input);
    }

    /** The mean image E[x|z, y] in [0, 1] for latents [B, latent]. */
    public Tensor decode(Tensor latents, Tensor labels) {
        return mean(decodeLogits(latents, labels));
    }

    /** The mean image in [0, 1] for decoder outputs from {@link #decodeLogits} (see PixelLikelihood). */
    public Tensor mean(Tensor logits) {
        return PixelLikelihood.mean(config.likelihood(), logits);
    }

    /** log p(x|z) per image [B] given the decoder logits. */
    public Tensor logLikelihood(Tensor images, Tensor logits) {
        Tensor scale = logScale == null ? null : torch.clamp_min(logScale, scalar(MIN_LOG_SCALE));
        return PixelLikelihood.logProb(config.likelihood(), images, logits, scale);
    }

    /**
     * The training loss for one batch, with one posterior sample per image.
     *
     * @param beta     weight of the KL term
     * @param freeBits nats per latent dimension (averaged over the batch) that cost nothing
     *                 (Kingma et al. 2016, eq. 15); 0 for the plain KL. Only the standard normal
     *                 prior splits the KL by dimension, so a learned prior takes 0.
     */
    public VaeLoss loss(Tensor images, Tensor labels, double beta, double freeBits) {
        return loss(images, images, labels, beta, freeBits);
    }

    /**
     * The training loss of a VAE that encodes {@code inputs} and is scored on reconstructing
     * {@code targets}: a denoising VAE (Im et al. 2017) when the inputs are damaged copies of
     * the targets.
     */
    public VaeLoss loss(Tensor inputs, Tensor targets, Tensor labels, double beta, double freeBits) {
        if (freeBits > 0 && mixturePrior != null) {
            throw new IllegalArgumentException("free bits need the standard normal prior");
        }
        Posterior q = encode(inputs, labels);
        Tensor z = q.sample();
        Tensor logits = decodeLogits(z, labels);
        Tensor reconstruction = logLikelihood(targets, logits).mean().neg();
        Tensor kl = klPerImage(q, z).mean();
        Tensor penalised = freeBits > 0 ? torch.clamp_min(q.klPerDimension().mean(0), scalar(freeBits)).sum() : kl;
        return new VaeLoss(reconstruction.add(penalised.mul(scalar(beta))), reconstruction, kl, logits);
    }

    /**
     * The negative ELBO of each image [B] in nats, with one posterior sample: -log p(x|z) + KL(q(z|x) || p(z))
     * (Kingma and Welling 2014, eq. 10): what per-image anomaly scores read.
     */
    public Tensor negativeElbo(Tensor images, Tensor labels) {
        Posterior q = encode(images, labels);
        Tensor z = q.sample();
        return logLikelihood(images, decodeLogits(z, labels)).neg().add(klPerImage(q, z));
    }

    /**
     * KL(q(z|x) || p(z)) per image [B]: in closed form against the standard normal prior; against a
     * mixture, which has none, the exact entropy of q less log p at the sample {@code z} drawn.
     */
    private Tensor klPerImage(Posterior q, Tensor z) {
        return mixturePrior != null ? q.negativeEntropy().sub(mixturePrior.logProb(z)) : q.klPerDimension().sum(1);
    }

    /**
     * The negative importance-weighted bound -(logsumexp_k log w_k - log k) averaged over the
     * batch, with {@code k} posterior samples per image (Burda et al. 2015, eq. 8): the IWAE
     * training objective, tighter than the ELBO for k > 1 and equal to it for k = 1.
     */
    public Tensor negativeIwaeBound(Tensor images, Tensor labels, int k) {
        Tensor logWeights = logImportanceWeights(images, labels, k);
        return torch.logsumexp(logWeights, new long[]{1}, false).sub(scalar(Math.log(k))).mean().neg();
    }

    /**
     * Log importance weights log p(x, z_k) - log q(z_k|x) for {@code k} posterior samples per
     * image, [B, k] (Burda et al. 2015, eq. 8). Their log-mean-exp is a lower bound on log p(x)
     * that tightens as k grows.
     */
    public Tensor logImportanceWeights(Tensor images, Tensor labels, int k) {
        Posterior q = encode(images, labels);
        long batch = images.size(0);
        Tensor mean = repeatRows(q.mean(), k);
        Tensor logVar = repeatRows(q.logVar(), k);
        Tensor eps = Noise.normalLike(mean);
        Tensor z = new Posterior(mean, logVar).sample(eps);
        Tensor logQ = eps.square().add(logVar).add(scalar(LOG_TWO_PI)).sum(1).mul(scalar(-0.5));
        Tensor logPrior = logPrior(z);
        Tensor repeated = repeatRows(images, k);
        Tensor logLikelihood = logLikelihood(repeated, decodeLogits(z, labels == null ? null : repeatRows(labels, k)));
        return logLikelihood.add(logPrior).sub(logQ).reshape(batch, k);
    }

    /** Repeats each row k times in place: rows a, b become a, a, b, b for k = 2. */
    private static Tensor repeatRows(Tensor t, int k) {
        return t.repeat_interleave(k, new LongOptional(0), new LongOptional());
    }
}
