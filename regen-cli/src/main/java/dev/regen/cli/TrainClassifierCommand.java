package dev.regen.cli;

import dev.regen.config.DataConfig;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.data.DataSource;
import dev.regen.data.Split;
import dev.regen.model.ModelFamilies;
import dev.regen.model.ModelFamily;
import dev.regen.train.Run;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code regen train-classifier}: the feature network that {@code regen score} measures with. */
@Command(name = "train-classifier", mixinStandardHelpOptions = true,
        description = "Train a small CNN classifier on labelled images; its features score generative models.")
final class TrainClassifierCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--epochs", defaultValue = "8", description = "passes over the data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "images per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", description = "Adam learning rate (default: 1e-3)")
    Double lr;

    @Option(names = "--width", description = "filters of the first conv layer (default: 32)")
    Integer width;

    @Option(names = "--features", description = "units of the feature layer (default: 128)")
    Integer features;

    @Option(names = "--seed", defaultValue = "1", description = "seed of everything random (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "compute threads, 0 for one per core")
    int threads;

    @Option(names = "--out", defaultValue = "runs/classifier", paramLabel = "DIR",
            description = "run folder (default: ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataConfig dataConfig = data.toConfig(false);
        ModelFamily.Defaults defaults = ModelFamilies.defaults(ModelKind.CLASSIFIER);
        TrainConfig training = TrainConfig.builder().epochs(epochs).batchSize(batch)
                .learningRate(lr != null ? lr : defaults.learningRate()).seed(seed)
                .threads(threads).build();
        DataSource.Prepared prepared = DataSource.prepare(dataConfig, seed);
        Split split = prepared.split();
        ModelConfig model = new ModelConfig(ModelKind.CLASSIFIER, split.train().shape(),
                features != null ? features : defaults.latent(),
                Likelihood.BERNOULLI, width != null ? width : defaults.width(), split.train().classes());
        TrainCommand.announce(spec, prepared, ModelKind.CLASSIFIER.id(), out);
        String command = "regen " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
        Run.Result result = Run.start(model, training, dataConfig, split, out, command, Progress.bar(spec));
        spec.commandLine().getOut().print(result.summary());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
