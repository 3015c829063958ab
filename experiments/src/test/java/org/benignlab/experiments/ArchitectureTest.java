package org.benignlab.experiments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency graph of ARCHITECTURE.md, checked on the compiled main classes of every module:
 * plugins see only the api (no engine, Guice, Jackson, picocli or each other), api sees none of our
 * modules, engine sees no plugin module, reports reads files, never experiments or engine, and the YAML schema
 * records (experiments.spec.*Spec) do not depend on engine.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.benignlab");
    }

    private static final String[] FRAMEWORKS = {"com.google.inject..", "com.fasterxml.jackson..", "picocli..",
        "org.yaml.."};

    @Test
    void pluginModulesDependOnApiOnly() {
        String[] plugins = {"org.benignlab.activations..", "org.benignlab.distributions..", "org.benignlab.optimizers.."};
        for (String p : plugins) {
            noClasses().that().resideInAPackage(p)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.benignlab.engine..", "org.benignlab.experiments..", "org.benignlab.reports..",
                            "org.benignlab.testkit..")
                    .check(classes);
            noClasses().that().resideInAPackage(p).should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                    .check(classes);
            for (String other : plugins) {
                if (!other.equals(p)) {
                    noClasses().that().resideInAPackage(p).should().dependOnClassesThat().resideInAPackage(other)
                            .check(classes);
                }
            }
        }
    }

    @Test
    void apiDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.benignlab.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.benignlab.activations..",
                        "org.benignlab.distributions..", "org.benignlab.optimizers..", "org.benignlab.engine..",
                        "org.benignlab.experiments..", "org.benignlab.reports..", "org.benignlab.testkit..")
                .check(classes);
        noClasses().that().resideInAPackage("org.benignlab.api..").should().dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS).check(classes);
    }

    @Test
    void engineKnowsNoPluginAndNoWiring() {
        noClasses().that().resideInAPackage("org.benignlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.benignlab.activations..",
                        "org.benignlab.distributions..", "org.benignlab.optimizers..", "org.benignlab.experiments..",
                        "org.benignlab.reports..")
                .check(classes);
        noClasses().that().resideInAPackage("org.benignlab.engine..").should().dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS).check(classes);
    }

    @Test
    void reportsReadFilesNotExperimentsOrEngine() {
        noClasses().that().resideInAPackage("org.benignlab.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("org.benignlab.experiments..",
                        "org.benignlab.engine..", "com.google.inject..", "picocli..")
                .check(classes);
    }

    @Test
    void theYamlSchemaRecordsDoNotDependOnEngine() {
        noClasses().that().resideInAPackage("org.benignlab.experiments.spec").and().haveSimpleNameEndingWith("Spec")
                .should().dependOnClassesThat().resideInAPackage("org.benignlab.engine..")
                .because("the YAML schema takes its words from api (RunOptions); engine names are checked by the "
                        + "loader against engine.EngineChoice.words()")
                .check(classes);
    }
}
