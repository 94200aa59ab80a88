package dev.regen.cli;

import dev.regen.config.DataConfig;
import dev.regen.config.Json;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.data.DataSource;
import dev.regen.data.Split;
import dev.regen.data.Unpaired;
import dev.regen.model.ModelFamilies;
import dev.regen.train.Run;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code regen train}: trains a model and writes a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a VAE, a GAN or a translation model (pix2pix or cyclegan, with --target); writes "
                + "checkpoints, sample grids, metrics and the model to a run folder.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    TrainOptions options;

    @Mixin
    DistributedOptions distributed;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/<model>-<time>)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataConfig dataConfig = data.toConfig(options.kind == ModelKind.CYCLEGAN);
        var training = options.training();
        DataSource.Prepared prepared = DataSource.prepare(dataConfig, training.seed());
        var split = prepared.split();
        ModelConfig model = options.model(prepared);
        ModelFamilies.validate(model, training);   // as Run.start does, but before the line that announces training
        Path folder = out != null ? out : defaultFolder(options.kind.id());
        announce(spec, prepared, options.kind.id(), folder);
        String command = "regen " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
        distributed.train(spec, Json.MAPPER.writeValueAsString(List.of(model, training, dataConfig)),
                () -> Run.start(model, training, dataConfig, split, folder, command, Progress.bar(spec)));
        return ExitCodes.OK;
    }

    /** Says what the data reading skipped and changed, and what trains on how many images into which folder. */
    static void announce(CommandLine.Model.CommandSpec spec, DataSource.Prepared prepared, String kind, Path folder) {
        var err = spec.commandLine().getErr();
        if (prepared.skipped() > 0) {
            err.println("skipped " + prepared.skipped() + " files that are not readable images (use --strict to fail)");
        }
        prepared.adjustments().forEach(err::println);
        Split split = prepared.split();
        if (prepared.inputChannels() > 0) {
            ImageShape target = prepared.targetShape();
            boolean unpaired = split.train() instanceof Unpaired;
            err.printf("training %s on %d %s %s -> %s (test: %d) -> %s%n", kind, split.train().size(),
                    unpaired ? "unpaired items (an image of each domain, the smaller one cycling)" : "pairs",
                    target.withChannels(prepared.inputChannels()), target, split.test().size(), folder);
        } else {
            err.printf("training %s on %d images %s (test: %d) -> %s%n", kind, split.train().size(),
                    split.train().shape(), split.test().size(), folder);
        }
        err.flush();
    }

    /** A new run folder, {@code runs/<name>-<time>}. */
    static Path defaultFolder(String name) {
        return Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
}
