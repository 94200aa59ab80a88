package dev.regen.cli;

import dev.regen.nn.Torch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code regen} command; does nothing itself but list its sub-commands. */
@Command(name = "regen", mixinStandardHelpOptions = true, version = "regen " + dev.regen.Version.REGEN,
        description = "Train generative image models (VAEs and GANs), use them to generate and reconstruct images, "
                + "and measure them.",
        subcommands = {DemoCommand.class, TrainCommand.class, ResumeCommand.class, SampleCommand.class,
                ReconstructCommand.class, InterpolateCommand.class, EvalCommand.class, TrainClassifierCommand.class,
                ScoreCommand.class, CorruptCommand.class, RestoreCommand.class, EvalRestoreCommand.class,
                AnomalyCommand.class, EvalAnomalyCommand.class, EmbedCommand.class, ProbeCommand.class, AugmentCommand.class,
                AttributesCommand.class, EditCommand.class, EvalEditCommand.class, TranslateCommand.class,
                EvalTranslateCommand.class, SketchCommand.class, StudioCommand.class,
                InfoCommand.class,
                CommandLine.HelpCommand.class})
public final class RegenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--device", scope = CommandLine.ScopeType.INHERIT, defaultValue = "cpu", paramLabel = "DEVICE",
            description = "where models run: cpu, cuda or cuda:N (a build with the gpu profile; README: CUDA) "
                    + "(default: ${DEFAULT-VALUE})")
    String device;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line: error mapping, exit codes, case-insensitive option values. */
    public static CommandLine commandLine() {
        RegenCommand regen = new RegenCommand();
        CommandLine cmd = new CommandLine(regen);
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        // Checked when the command first uses the engine, so a missing GPU is one error line (exit 1).
        cmd.setExecutionStrategy(parsed -> {
            Torch.useDevice(regen.device);
            return new CommandLine.RunLast().execute(parsed);
        });
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("see 'regen " + ex.getCommandLine().getCommandName() + " --help'");
            return ExitCodes.USAGE;
        });
        return cmd;
    }
}
