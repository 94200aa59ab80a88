package dev.regen.model;

import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.nn.ConvEncoder;
import dev.regen.nn.ConvGeometry;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * A small CNN classifier: the conv encoder to a ReLU feature layer of {@code latent} units, dropout
 * while training, then class logits. Its feature layer plays the part Inception's pool layer plays
 * in the Frechet Inception Distance, for data where no pretrained network can be downloaded.
 */
public final class Classifier extends Module implements Network {
    private static final double DROPOUT = 0.3;

    /** The classifier family: 128 features, 32 base filters, Adam at 1e-3. */
    public static final ModelFamily<Classifier> FAMILY = new ModelFamily<>(ModelKind.Family.CLASSIFIER,
            Classifier.class, Classifier::new, kind -> new ModelFamily.Defaults(128, 32, 1e-3, 1),
            (model, training) -> {
                ModelFamilies.refuseVaeObjective(model, training);
                ModelFamilies.refuseAugmentation(model, training);
            }, c -> ConvGeometry.of(c.shape(), c.width()).downward() + " (4x4 stride-2 convolutions, ReLU) -> "
                    + c.latent() + " features (ReLU, dropout " + DROPOUT + ") -> " + c.classes() + " classes");

    private final ModelConfig config;
    private final ConvEncoder features;
    private final LinearImpl logits;

    /** Builds an untrained classifier; {@code config.latent()} is the feature count. */
    public Classifier(ModelConfig config) {
        if (config.kind() != ModelKind.CLASSIFIER || config.classes() < 2) {
            throw new IllegalArgumentException("not a classifier of two or more classes: " + config);
        }
        this.config = config;
        features = register_module("features", new ConvEncoder(config.shape(), config.width(), config.latent()));
        logits = register_module("logits", new LinearImpl(config.latent(), config.classes()));
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public void evaluationMode(boolean evaluation) {
        train(!evaluation);
    }

    @Override
    public Module network() {
        return this;
    }

    /** The feature layer [B, latent] for images [B, C, H, W]. */
    public Tensor features(Tensor images) {
        return features.forward(images).relu();
    }

    /** Class logits [B, classes]. */
    public Tensor logits(Tensor images) {
        return classify(features(images));
    }

    /** Class logits [B, classes] from features computed by {@link #features}. */
    public Tensor classify(Tensor features) {
        return logits.forward(torch.dropout(features, DROPOUT, is_training()));
    }

    /** Mean cross-entropy of the logits against labels [B] (int64). */
    public Tensor loss(Tensor images, Tensor labels) {
        return torch.cross_entropy_loss(logits(images), labels);
    }
}
