package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.config.Check;
import dev.regen.train.Distributed;
import dev.regen.train.Run;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Data-parallel training options of {@code train} and {@code resume}: join {@code --world-size}
 * processes as {@code --rank} at {@code --master}, or start {@code --processes} of them here.
 */
final class DistributedOptions {
    @Option(names = "--world-size", defaultValue = "1", paramLabel = "N",
            description = "processes training together, each on its share of every batch (default: ${DEFAULT-VALUE})")
    int worldSize;

    @Option(names = "--rank", defaultValue = "0", paramLabel = "R",
            description = "this process's rank, 0 to N-1; rank 0 serves the store and writes the run folder")
    int rank;

    @Option(names = "--master", defaultValue = "127.0.0.1:29500", paramLabel = "HOST:PORT",
            description = "where rank 0 serves the ranks' meeting point (default: ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--processes", defaultValue = "1", paramLabel = "N",
            description = "start N processes on this machine (this one as rank 0) on a free port")
    int processes;

    @Option(names = "--join-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "how long to wait for the other ranks, and for each exchange (default: ${DEFAULT-VALUE})")
    int timeout;

    private final List<Process> started = new ArrayList<>();

    /**
     * Runs {@code training}: alone, or as one rank of the group it first joins (starting the other
     * local ranks for {@code --processes}); prints the run's summary and this rank's exchange time.
     *
     * @param settings what every rank must agree on (the training settings), compared across ranks
     */
    void train(CommandLine.Model.CommandSpec spec, String settings, Supplier<Run.Result> training)
            throws InterruptedException {
        try {
            join(spec, settings);
            Run.Result result = training.get();
            awaitLocalRanks();
            spec.commandLine().getOut().print(result.summary());
            if (Distributed.current() != null) {
                spec.commandLine().getOut().println("rank " + Distributed.current().rank() + " of " + worldSize + ": "
                        + Distributed.current().exchangeTime());
            }
            spec.commandLine().getOut().flush();
        } finally {
            // Ranks this one started that still run (after it failed) end with it.
            started.stream().filter(Process::isAlive).forEach(Process::destroy);
            Distributed.leave();
        }
    }

    private void join(CommandLine.Model.CommandSpec spec, String settings) {
        Check.range("--processes", processes, 1, 64);
        Check.range("--join-timeout", timeout, 1, 86_400);
        if (processes > 1) {
            if (worldSize != 1) {
                throw new RegenException("--processes starts its own ranks: give it without --world-size");
            }
            startLocalRanks(spec);
        }
        if (worldSize == 1) {
            return;
        }
        Check.range("--world-size", worldSize, 1, 4096);
        Check.range("--rank", rank, 0, worldSize - 1);
        int colon = master.lastIndexOf(':');
        if (colon <= 0) {
            throw new RegenException("--master must be HOST:PORT, got '" + master + "'");
        }
        int port;
        try {
            port = Integer.parseInt(master.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new RegenException("--master must be HOST:PORT, got '" + master + "'");
        }
        Check.range("--master port", port, 1, 65_535);
        Distributed.join(rank, worldSize, master.substring(0, colon), port, timeout).requireSame(settings);
    }

    /** Waits for the ranks this process started; fails when one of them failed. */
    private void awaitLocalRanks() throws InterruptedException {
        for (Process process : started) {
            int code = process.waitFor();
            if (code != 0) {
                throw new RegenException("a rank started by --processes failed (exit " + code + "); its error is above");
            }
        }
    }

    private void startLocalRanks(CommandLine.Model.CommandSpec spec) {
        int port = freePort();
        List<String> args = withoutProcesses(spec.root().commandLine().getParseResult().originalArgs());
        worldSize = processes;
        rank = 0;
        master = "127.0.0.1:" + port;
        for (int r = 1; r < processes; r++) {
            List<String> command = new ArrayList<>(StudioCommand.trainCommand());
            command.addAll(args);
            command.addAll(List.of("--world-size", Integer.toString(processes), "--rank", Integer.toString(r),
                    "--master", master, "--join-timeout", Integer.toString(timeout)));
            try {
                started.add(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            } catch (IOException e) {
                throw new RegenException("cannot start rank " + r + ": " + e.getMessage(), e);
            }
        }
    }

    /** The arguments without the options each started rank is given anew. */
    private static List<String> withoutProcesses(List<String> args) {
        List<String> given = List.of("--processes", "--world-size", "--rank", "--master", "--join-timeout");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (given.contains(a)) {
                i++;
            } else if (given.stream().noneMatch(option -> a.startsWith(option + "="))) {
                kept.add(a);
            }
        }
        return kept;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new RegenException("no free port for the ranks to meet on: " + e.getMessage(), e);
        }
    }
}
