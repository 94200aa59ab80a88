package dev.regen.cli;

import dev.regen.anomaly.AnomalyScore;
import dev.regen.config.Augmentation;
import dev.regen.config.Background;
import dev.regen.config.FeatureNorm;
import dev.regen.config.GanLoss;
import dev.regen.config.LearningRateSchedule;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelKind;
import dev.regen.config.Precision;
import dev.regen.config.TranslationDirection;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Corruptions;
import dev.regen.data.damage.Task;
import dev.regen.restore.Method;
import picocli.CommandLine.ITypeConverter;

/** Parses option values that name a setting, with the library's own messages. */
final class Converters {
    private Converters() {
    }

    /** Runs a library parser, reporting its message as picocli's own conversion error. */
    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (dev.regen.RegenException e) {
            throw new picocli.CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** {@code --model}. */
    static final class Kind implements ITypeConverter<ModelKind> {
        @Override
        public ModelKind convert(String value) {
            return Converters.parse(() -> ModelKind.parse(value));
        }
    }

    /** {@code --likelihood}. */
    static final class LikelihoodName implements ITypeConverter<Likelihood> {
        @Override
        public Likelihood convert(String value) {
            return Converters.parse(() -> Likelihood.parse(value));
        }
    }

    /** {@code --precision}. */
    static final class PrecisionName implements ITypeConverter<Precision> {
        @Override
        public Precision convert(String value) {
            return Converters.parse(() -> Precision.parse(value));
        }
    }

    /** {@code --lr-schedule}. */
    static final class ScheduleName implements ITypeConverter<LearningRateSchedule> {
        @Override
        public LearningRateSchedule convert(String value) {
            return Converters.parse(() -> LearningRateSchedule.parse(value));
        }
    }

    /** {@code --corruption}. */
    static final class CorruptionSpec implements ITypeConverter<Corruption> {
        @Override
        public Corruption convert(String value) {
            return Converters.parse(() -> Corruptions.parse(value));
        }
    }

    /** {@code --method}. */
    static final class MethodName implements ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            return Converters.parse(() -> Method.parse(value));
        }
    }

    /** {@code --diff-augment}. */
    static final class AugmentationName implements ITypeConverter<Augmentation> {
        @Override
        public Augmentation convert(String value) {
            return Converters.parse(() -> Augmentation.parse(value));
        }
    }

    /** {@code --norm}. */
    static final class NormName implements ITypeConverter<FeatureNorm> {
        @Override
        public FeatureNorm convert(String value) {
            return Converters.parse(() -> FeatureNorm.parse(value));
        }
    }

    /** {@code --direction} of translation. */
    static final class DirectionName implements ITypeConverter<TranslationDirection> {
        @Override
        public TranslationDirection convert(String value) {
            return Converters.parse(() -> TranslationDirection.parse(value));
        }
    }

    /** {@code --gan-loss}. */
    static final class GanLossName implements ITypeConverter<GanLoss> {
        @Override
        public GanLoss convert(String value) {
            return Converters.parse(() -> GanLoss.parse(value));
        }
    }

    /** {@code --background}. */
    static final class BackgroundColour implements ITypeConverter<Background> {
        @Override
        public Background convert(String value) {
            return Converters.parse(() -> Background.parse(value));
        }
    }

    /** {@code --task}. */
    static final class TaskName implements ITypeConverter<Task> {
        @Override
        public Task convert(String value) {
            return Converters.parse(() -> Task.parse(value));
        }
    }

    /** {@code --score}. */
    static final class AnomalyScoreName implements ITypeConverter<AnomalyScore> {
        @Override
        public AnomalyScore convert(String value) {
            return Converters.parse(() -> AnomalyScore.parse(value));
        }
    }
}
