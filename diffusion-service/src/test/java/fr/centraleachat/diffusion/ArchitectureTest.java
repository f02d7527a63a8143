package fr.centraleachat.diffusion;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "fr.centraleachat.diffusion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "tools.jackson..", "jakarta.servlet..", "io.cloudevents..",
                    "fr.centraleachat.support..", "fr.centraleachat.contracts..");

    @ArchTest
    static final ArchRule webGoesThroughTheApplicationLayer = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "..messaging..");

    @ArchTest
    static final ArchRule applicationDoesNotKnowTheStoreNorTheBroker = noClasses().that()
            .resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "..messaging..", "com.mongodb..",
                    "org.springframework.data.mongodb..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule consumersGoThroughTheApplicationLayer = noClasses().that().resideInAPackage("..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "..web..");
}
