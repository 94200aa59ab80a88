package dev.regen.cli;

import dev.regen.train.Run;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code regen resume}: continues an interrupted run exactly where its last checkpoint left it. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run from its last checkpoint; the result equals an uninterrupted run.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "run folder written by 'regen train'")
    Path run;

    @Option(names = "--epochs", defaultValue = "0", description = "new total epoch count (default: the run's own)")
    int epochs;

    @CommandLine.Mixin
    DistributedOptions distributed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        distributed.train(spec, "resume " + run.toAbsolutePath().normalize() + " to " + epochs + " epochs",
                () -> Run.resume(run, epochs, Progress.bar(spec)));
        return ExitCodes.OK;
    }
}
