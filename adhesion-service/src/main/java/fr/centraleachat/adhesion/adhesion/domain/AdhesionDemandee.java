package fr.centraleachat.adhesion.adhesion.domain;

import fr.centraleachat.kernel.Siren;
import java.time.LocalDate;

public record AdhesionDemandee(AdhesionId adhesionId, Siren membre, LocalDate dateDemande) implements EvenementAdhesion {
}
