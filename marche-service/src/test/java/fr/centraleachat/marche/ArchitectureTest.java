package fr.centraleachat.marche;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importer() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.centraleachat.marche");
    }

    @Test
    void domainAndRegulationRulesArePlainJava() {
        noClasses().that().resideInAnyPackage("..domain..", "fr.centraleachat.marche.reglementation")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "com.mongodb..", "org.bson..", "tools.jackson..", "jakarta.servlet..",
                        "fr.centraleachat.support..")
                .check(classes);
    }

    @Test
    void webGoesThroughTheApplicationLayer() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("..persistence..")
                .check(classes);
    }

    @Test
    void applicationLayerIgnoresWebAndPersistence() {
        // The service's own layers: shared types such as the page of a list (support.web) are allowed.
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.centraleachat.marche..web..",
                        "fr.centraleachat.marche..persistence..")
                .check(classes);
    }

    @Test
    void domainDoesNotDependOnOuterLayers() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..web..", "..persistence..")
                .check(classes);
    }
}
