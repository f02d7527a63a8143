package fr.centraleachat.catalogue.membre;

import fr.centraleachat.support.membre.ProjectionMembresConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** This service keeps its own projection of the member bodies from the adhésion events (shared code). */
@Configuration(proxyBeanMethods = false)
@Import(ProjectionMembresConfiguration.class)
class ProjectionDesMembres {
}
