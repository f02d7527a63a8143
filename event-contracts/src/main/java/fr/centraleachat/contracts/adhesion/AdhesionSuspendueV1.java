package fr.centraleachat.contracts.adhesion;

import java.time.LocalDate;

/** The adhésion is suspended: the member may not subscribe nor order until it is reactivated. */
public record AdhesionSuspendueV1(String adhesionId, String siren, LocalDate dateEffet, String motif) {
}
