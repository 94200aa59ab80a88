package dev.regen.cli;

import dev.regen.config.LearningRateSchedule;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelKind;
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

    /** {@code --lr-schedule}. */
    static final class ScheduleName implements ITypeConverter<LearningRateSchedule> {
        @Override
        public LearningRateSchedule convert(String value) {
            return Converters.parse(() -> LearningRateSchedule.parse(value));
        }
    }

    /** {@code --corruption}. */
    static final class CorruptionSpec implements ITypeConverter<dev.regen.restore.Corruption> {
        @Override
        public dev.regen.restore.Corruption convert(String value) {
            return Converters.parse(() -> dev.regen.restore.Corruptions.parse(value));
        }
    }

    /** {@code --method}. */
    static final class MethodName implements ITypeConverter<dev.regen.restore.Method> {
        @Override
        public dev.regen.restore.Method convert(String value) {
            return Converters.parse(() -> dev.regen.config.Named.parse(dev.regen.restore.Method.class, "--method", value));
        }
    }
}
