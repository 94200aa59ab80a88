package dev.regen;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one direction of dependencies of docs/ARCHITECTURE.md, checked on the compiled library:
 * config &lt;- data, io &lt;- nn &lt;- model &lt;- sample &lt;- eval &lt;- uses; train beside the uses,
 * never importing one; the settings, data, files and metric maths without the engine.
 */
class ArchitectureTest {
    /** Where the engine (libtorch, and OpenCV for the baselines) lives. */
    private static final String[] ENGINE = {"org.bytedeco..", "dev.regen.nn.."};
    /** The uses of trained models, each a package; none may import another. */
    private static final List<String> USES = List.of("dev.regen.restore..", "dev.regen.anomaly..", "dev.regen.embed..",
            "dev.regen.augment..", "dev.regen.edit..", "dev.regen.translate..");
    private static final String[] FRONT_ENDS = {"dev.regen.cli..", "dev.regen.server..", "dev.regen.spark..",
            "picocli.."};

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.regen");

    /** Every rule of the layering. */
    static List<ArchRule> rules() {
        String[] uses = USES.toArray(String[]::new);
        Stream<ArchRule> layers = Stream.of(
                // config holds the settings; the one other package it reads is data.damage, whose
                // values (the parsed damage of a restoration task) are settings too.
                noClasses().that().resideInAPackage("dev.regen.config..").should().dependOnClassesThat(
                        resideInAPackage("dev.regen..").and(not(resideInAnyPackage("dev.regen",
                                "dev.regen.config..", "dev.regen.data.damage..")))).as(
                        "config uses no other package of the library but data.damage"),
                mayNotUse("dev.regen.data..", "dev.regen.io..", "dev.regen.model..", "dev.regen.sample..",
                        "dev.regen.eval..", "dev.regen.train..").because("data sits just above config"),
                mayNotUse("dev.regen.io..", "dev.regen.data..", "dev.regen.model..", "dev.regen.sample..",
                        "dev.regen.eval..", "dev.regen.train..").because("io sits just above config"),
                mayNotUse("dev.regen.nn..", "dev.regen.model..", "dev.regen.sample..", "dev.regen.eval..",
                        "dev.regen.train.."),
                mayNotUse("dev.regen.model..", "dev.regen.sample..", "dev.regen.eval..", "dev.regen.train.."),
                mayNotUse("dev.regen.sample..", "dev.regen.eval..", "dev.regen.train.."),
                mayNotUse("dev.regen.eval..", "dev.regen.train.."),
                noClasses().that().resideInAnyPackage("dev.regen.data..", "dev.regen.nn..", "dev.regen.model..",
                        "dev.regen.sample..", "dev.regen.eval..").should().dependOnClassesThat()
                        .resideInAnyPackage(uses).as("no layer below the uses reads one"),
                noClasses().that().resideInAnyPackage(uses).should().dependOnClassesThat()
                        .resideInAPackage("dev.regen.train..").as("a use does not train"),
                noClasses().that().resideInAPackage("dev.regen.train..").should().dependOnClassesThat()
                        .resideInAnyPackage(uses).as("training uses no use of a trained model"),
                noClasses().that().resideInAnyPackage("dev.regen.config..", "dev.regen.data..", "dev.regen.io..",
                        "dev.regen.eval.metric..").should().dependOnClassesThat().resideInAnyPackage(ENGINE)
                        .as("settings, data, files and metric maths do not touch the engine"),
                noClasses().should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS)
                        .as("the library knows no front end"));
        Stream<ArchRule> usesApart = USES.stream().map(use -> noClasses().that().resideInAPackage(use).should()
                .dependOnClassesThat().resideInAnyPackage(USES.stream().filter(u -> !u.equals(use))
                        .toArray(String[]::new)).allowEmptyShould(true).as(use + " imports no other use"));
        return Stream.concat(layers, usesApart).toList();
    }

    private static ArchRule mayNotUse(String layer, String... forbidden) {
        return noClasses().that().resideInAPackage(layer).should().dependOnClassesThat()
                .resideInAnyPackage(forbidden);
    }

    @Test
    void everyPackageImportsOnlyInTheOneDirection() {
        for (ArchRule rule : rules()) {
            rule.check(LIBRARY);
        }
    }

    @Test
    void theRulesCatchAnImportAgainstTheDirection() {
        JavaClasses wrong = new ClassFileImporter().importClasses(dev.regen.data.WrongWay.class);
        assertTrue(rules().stream().anyMatch(rule -> rule.allowEmptyShould(true).evaluate(wrong).hasViolation()),
                "a data class that uses the engine must break a rule");
    }
}
