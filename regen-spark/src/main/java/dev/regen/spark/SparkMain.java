package dev.regen.spark;

import dev.regen.RegenException;
import dev.regen.nn.Torch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code regen spark}: Regen's per-image uses as Spark jobs over image folders, writing Parquet.
 * Runs locally ({@code --master local[2]}, the default) or under {@code spark-submit --class
 * dev.regen.spark.SparkMain} on a cluster.
 */
@Command(name = "regen spark", mixinStandardHelpOptions = true, subcommands = {EmbedJob.class, RestoreJob.class, TranslateJob.class, AnomalyJob.class,
        ScoreJob.class, AugmentJob.class},
        description = "Batch jobs on Apache Spark: embed, restore, translate, score (anomaly, or classifier features) every "
                + "image of a folder into a Parquet table, or draw synthetic images (augment).")
public final class SparkMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the job the arguments name; exits 1 with one line for bad input. */
    public static void main(String[] args) {
        Torch.extractNatives();
        System.exit(commandLine().execute(args));
    }

    /** The command line, its errors mapped to one line: 1 for bad input (also when a task failed on it), 3 for a bug. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new SparkMain());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable cause = e;
            while (cause != null && !(cause instanceof RegenException)) {
                cause = cause.getCause();
            }
            cmd.getErr().println("error: " + (cause != null ? cause.getMessage() : e.toString()));
            return cause != null ? 1 : 3;
        });
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
