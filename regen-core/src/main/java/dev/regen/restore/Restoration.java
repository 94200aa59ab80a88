package dev.regen.restore;

import dev.regen.RegenException;
import dev.regen.WorkProgress;
import dev.regen.config.ImageShape;
import dev.regen.model.Generative;
import dev.regen.model.Vae;
import dev.regen.model.VaeGan;
import dev.regen.nn.FrozenWeights;
import dev.regen.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;

import java.util.List;

/**
 * Restores damaged images with a trained generative model, through plain arrays: images in, the
 * restorations (and posterior samples) out, in batches, in evaluation mode.
 */
public final class Restoration {
    private static final int BATCH = 50;

    private final Generative model;
    private final Corruption corruption;
    private final Method method;
    private final RestoreSettings settings;

    /**
     * @throws RegenException when the model cannot restore with this method
     */
    public Restoration(Generative model, Corruption corruption, Method method, RestoreSettings settings) {
        if (model.config().conditional()) {
            throw new RegenException("restoration needs an unconditional model; this one is conditional on "
                    + model.config().classes() + " classes");
        }
        if (method == Method.PROJECTION && encoderOf(model) == null) {
            throw new RegenException("a " + model.config().kind().cliName() + " has no encoder to project with: "
                    + "use --method optimisation or posterior");
        }
        this.model = model;
        this.corruption = corruption;
        this.method = method;
        this.settings = settings;
    }

    /**
     * The restorations of {@code damaged}, all made by this corruption from images of the model's
     * shape, and for {@link Method#POSTERIOR} the samples too.
     *
     * @param samples {@code samplesPerImage} images per damaged image, one image after the other; empty unless sampling
     */
    public record Result(float[] restored, float[] samples, int samplesPerImage) {
    }

    /** Restores every image in {@code damaged}; seeded, so repeated runs agree. */
    public Result run(List<Damaged> damaged, long seed, WorkProgress listener) {
        ImageShape shape = model.config().shape();
        ImageShape expected = corruption.damagedShape(shape);
        for (Damaged d : damaged) {
            if (!d.shape().equals(expected)) {
                throw new RegenException("this model restores " + shape + " images, so it needs damaged images of "
                        + expected + ", not " + d.shape());
            }
        }
        int n = damaged.size();
        int perImage = method == Method.POSTERIOR ? settings.samples() : 0;
        float[] restored = new float[n * shape.size()];
        float[] samples = new float[n * perImage * shape.size()];
        long stepsPerBatch = switch (method) {
            case PROJECTION -> 1;
            case OPTIMISATION -> settings.steps();
            case POSTERIOR -> 2L * settings.steps();
        };
        long total = stepsPerBatch * ((n + BATCH - 1) / BATCH);
        long[] done = {0};
        dev.regen.nn.Torch.seed(seed);
        model.evaluationMode(true);
        try (FrozenWeights frozen = new FrozenWeights(model.network().parameters())) {
            for (int start = 0; start < n; start += BATCH) {
                List<Damaged> batch = damaged.subList(start, Math.min(n, start + BATCH));
                try (PointerScope scope = new PointerScope()) {
                    Observation observation = observation(batch, expected);
                    LatentSearch search = new LatentSearch(model, settings, step -> listener.progress(++done[0], total));
                    Tensor[] out = restoreBatch(observation, batch.size(), search);
                    System.arraycopy(Tensors.floats(out[0]), 0, restored, start * shape.size(), batch.size() * shape.size());
                    if (out.length > 1) {
                        System.arraycopy(Tensors.floats(out[1]), 0, samples, start * perImage * shape.size(),
                                batch.size() * perImage * shape.size());
                    }
                }
                if (method == Method.PROJECTION) {
                    listener.progress(++done[0], total);
                }
            }
        } finally {
            model.evaluationMode(false);
        }
        return new Result(restored, samples, perImage);
    }

    /** The restorations [B, C, H, W], then for sampling the samples [B * samples, C, H, W]. */
    private Tensor[] restoreBatch(Observation observation, long batch, LatentSearch search) {
        Tensor start = projectedCodes(observation);
        if (method == Method.PROJECTION) {
            try (NoGradGuard noGrad = new NoGradGuard()) {
                return new Tensor[]{project(observation)};
            }
        }
        Tensor best = search.search(observation, batch, start);
        if (method == Method.OPTIMISATION) {
            try (NoGradGuard noGrad = new NoGradGuard()) {
                return new Tensor[]{observation.consistent(model.generate(best, null))};
            }
        }
        Tensor codes = search.sample(observation, best);
        try (NoGradGuard noGrad = new NoGradGuard()) {
            Tensor images = observation.repeated(settings.samples()).consistent(model.generate(codes, null));
            long[] perImage = {batch, settings.samples(), images.size(1), images.size(2), images.size(3)};
            return new Tensor[]{images.view(perImage).mean(new long[]{1}, false, new ScalarTypeOptional()), images};
        }
    }

    /** The encoder's posterior means of the first guesses, when the model has an encoder; else null. */
    private Tensor projectedCodes(Observation observation) {
        Vae vae = encoderOf(model);
        if (vae == null) {
            return null;
        }
        try (NoGradGuard noGrad = new NoGradGuard()) {
            return vae.encode(observation.initialGuess(), null).mean();
        }
    }

    /** Encode, decode, put back what is known; again and again where something is known. */
    private Tensor project(Observation observation) {
        Vae vae = encoderOf(model);
        boolean refine = corruption instanceof Masking || corruption instanceof Downsampling;
        Tensor x = observation.initialGuess();
        for (int i = 0; i < (refine ? settings.iterations() : 1); i++) {
            x = observation.consistent(vae.decode(vae.encode(x, null).mean(), null));
        }
        return x;
    }

    private Observation observation(List<Damaged> batch, ImageShape damagedShape) {
        int size = damagedShape.size();
        float[] pixels = new float[batch.size() * size];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i).pixels(), 0, pixels, i * size, size);
        }
        Tensor known = null;
        if (batch.get(0).known() != null) {
            ImageShape shape = model.config().shape();
            int plane = shape.height() * shape.width();
            float[] masks = new float[batch.size() * plane];
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(batch.get(i).known(), 0, masks, i * plane, plane);
            }
            known = Tensor.create(masks, batch.size(), 1, shape.height(), shape.width());
        }
        return new Observation(corruption, Tensors.images(pixels, batch.size(), damagedShape), known);
    }

    /** The VAE whose encoder can project images, or null for a GAN. */
    private static Vae encoderOf(Generative model) {
        if (model instanceof Vae vae) {
            return vae;
        }
        return model instanceof VaeGan vaeGan ? vaeGan.vae() : null;
    }
}
