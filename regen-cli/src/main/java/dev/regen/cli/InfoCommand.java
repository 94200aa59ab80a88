package dev.regen.cli;

import dev.regen.config.Json;
import dev.regen.io.ModelFile;
import dev.regen.model.ModelFamilies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code regen info}: what a model file holds, without loading its weights. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a model file's configuration, training state and provenance.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "model file (.regen) or checkpoint")
    Path path;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ModelFile file = ModelFile.read(path);
        var out = spec.commandLine().getOut();
        out.println(Json.MAPPER.writeValueAsString(file.manifest()));
        out.println("layers " + ModelFamilies.architecture(file.manifest().model()));
        file.entries().forEach((name, entry) -> out.printf("entry %-16s %,d bytes%n", name, entry.size()));
        out.flush();
        return ExitCodes.OK;
    }
}
