package dev.regen.config;

/**
 * Where a model came from.
 *
 * @param dataset      description of the training data
 * @param command      the command line that trained it
 * @param regenVersion version of Regen that wrote the file
 * @param engine       tensor engine and its version
 * @param java         Java runtime version
 * @param created      ISO-8601 time of writing
 */
public record Provenance(String dataset, String command, String regenVersion, String engine, String java,
                         String created) {
}
