package fr.centraleachat.support.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps inside each aggregate package: a plain-Java domain, web and Kafka consumers that
 * go through the application layer, and an application layer that knows neither the store nor the broker.
 * A service's {@code ArchitectureTest} includes them with {@code ArchTests.in(ReglesDesCouches.class)}.
 */
public final class ReglesDesCouches {

    @ArchTest
    public static final ArchRule domaineEnJavaPur = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "tools.jackson..", "jakarta.servlet..", "io.cloudevents..",
                    "fr.centraleachat.support..", "fr.centraleachat.contracts..");

    @ArchTest
    public static final ArchRule webPasseParLApplication = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "..messaging..");

    @ArchTest
    public static final ArchRule applicationSansStockageNiBroker = noClasses().that()
            .resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "..messaging..", "com.mongodb..",
                    "org.springframework.data.mongodb..", "org.apache.kafka..");

    /** A service that consumes no event (adhesion-service) has no messaging package: nothing to check then. */
    @ArchTest
    public static final ArchRule consommateursPassentParLApplication = noClasses().that()
            .resideInAPackage("..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "..web..")
            .allowEmptyShould(true);

    private ReglesDesCouches() {
    }
}
