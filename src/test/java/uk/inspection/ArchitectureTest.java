package uk.inspection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules the README describes, checked on the compiled main classes: the
 * engine knows nothing of Spring, Drools is reached only through {@code engine.drools},
 * the core never imports an edge (HTTP setup, console, OpenAPI description, command
 * line), and no packages depend on each other in a circle.
 */
class ArchitectureTest {

    /**
     * The edges: they adapt the core to a way in (HTTP, browser, API description, command
     * line).
     */
    private static final String[] EDGES = { "uk.inspection.web..", "uk.inspection.console..", "uk.inspection.openapi..",
            "uk.inspection.cli.." };

    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("uk.inspection");

    @Test
    void engineDoesNotImportSpring() {
        noClasses().that()
            .resideInAPackage("uk.inspection.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .check(MAIN);
    }

    @Test
    void onlyEngineDroolsImportsDrools() {
        noClasses().that()
            .resideOutsideOfPackage("uk.inspection.engine.drools..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.drools..", "org.kie..")
            .check(MAIN);
    }

    @Test
    void coreDoesNotImportAnEdge() {
        noClasses().that()
            .resideInAPackage("uk.inspection.*..")
            .and()
            .resideOutsideOfPackages(EDGES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(EDGES)
            .check(MAIN);
    }

    @Test
    void featuresFormNoCycle() {
        slices().matching("uk.inspection.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Within a feature too: {@code engine.drools} uses {@code allowlist} and
     * {@code tables}, never the reverse.
     */
    @Test
    void packagesFormNoCycle() {
        slices().matching("uk.inspection.(**)").should().beFreeOfCycles().check(MAIN);
    }

}
