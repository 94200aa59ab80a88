package dev.regen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code regen demo}: the main job on the Fashion-MNIST sample that ships with Regen. It is
 * {@code regen train} with the sample as data, so everything it shows is what train does.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a conv VAE on the bundled Fashion-MNIST sample and write a run folder.")
final class DemoCommand implements Callable<Integer> {
    /** System property the launcher sets to the repository root, where data/ lives. */
    static final String HOME_PROPERTY = "regen.home";

    @Option(names = "--epochs", defaultValue = "30", description = "passes over the data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/demo-<time>)")
    Path out;

    @Option(names = "--threads", defaultValue = "0", description = "compute threads, 0 for one per core")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path data = Path.of(System.getProperty(HOME_PROPERTY, "."), "data", "fashion-mnist");
        List<String> args = List.of("--data", data.toString(), "--epochs", String.valueOf(epochs), "--threads",
                String.valueOf(threads), "--out", folder().toString());
        CommandLine train = spec.commandLine().getParent().getSubcommands().get("train");
        return train.execute(args.toArray(String[]::new));
    }

    /** The run folder: {@code --out}, else {@code runs/demo-<time>} (train's default would name the model). */
    Path folder() {
        return out != null ? out : TrainCommand.defaultFolder("demo");
    }
}
