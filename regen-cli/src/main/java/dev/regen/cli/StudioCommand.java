package dev.regen.cli;

import dev.regen.nn.Torch;
import dev.regen.server.Studio;
import dev.regen.server.StudioSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code regen studio}: the web studio over the models in a folder, until interrupted. */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = "Serve Regen Studio, a web page to generate, explore, restore, edit and translate images with "
                + "the models under --models, and to watch and start trainings. Stops with Ctrl-C.")
final class StudioCommand implements Callable<Integer> {
    @Option(names = "--models", defaultValue = "runs", paramLabel = "DIR",
            description = "folder of model files and run folders (default: ${DEFAULT-VALUE})")
    Path models;

    @Option(names = "--port", defaultValue = "7860", description = "port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to bind; 0.0.0.0 serves other machines too (default: ${DEFAULT-VALUE})")
    String host;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (!Torch.requestedDevice().equals("cpu")) {
            // A device that is not there fails here, in one line, not on the page's first request.
            Torch.ensureStarted();
        }
        // The page's trainings run on the studio's device.
        List<String> train = new ArrayList<>(trainCommand());
        train.addAll(List.of("--device", Torch.requestedDevice()));
        Studio studio = new Studio(StudioSettings.of(models, host, port, train)).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            studio.close();
            stopped.countDown();
        }, "regen-studio-stop"));
        var out = spec.commandLine().getOut();
        out.println("Regen Studio at " + studio.url() + " over " + models.toAbsolutePath().normalize()
                + " (Ctrl-C stops it)");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /**
     * {@code regen train} in a new process of this same Java, class path and memory settings, so
     * a training started from the page runs exactly as from the command line.
     */
    static List<String> trainCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!argument.startsWith("-agentlib") && !argument.startsWith("-javaagent")) {
                command.add(argument);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        return command;
    }
}
