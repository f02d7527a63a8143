package fr.centraleachat.marche;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.centraleachat.support.test.ReglesDesCouches;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;

class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importer() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.centraleachat.marche");
    }

    @Test
    void keepsTheLayeringEveryServiceKeeps() {
        ReglesDesCouches.domaineEnJavaPur.check(classes);
        ReglesDesCouches.webPasseParLApplication.check(classes);
        ReglesDesCouches.applicationSansStockageNiBroker.check(classes);
        ReglesDesCouches.consommateursPassentParLApplication.check(classes);
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

    @Test
    void journalIsAppendOnly() {
        // No code path may change or remove a stored journal entry: the journal only inserts and reads.
        noClasses().that().resideInAPackage("fr.centraleachat.marche.journal..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(MongoOperations.class)))
                        .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                                "update.*|upsert|remove|findAndModify|findAndReplace|findAllAndRemove|findAndRemove"
                                        + "|save|replace|bulkOps|dropCollection"))))
                .orShould().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(MongoOperations.class))).and(JavaCall.Predicates.target(
                        HasName.Predicates.name("getCollection"))))
                .check(classes);
    }
}
