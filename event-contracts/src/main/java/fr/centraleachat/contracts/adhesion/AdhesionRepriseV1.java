package fr.centraleachat.contracts.adhesion;

import java.time.LocalDate;

/** A suspended adhésion is active again: the member may subscribe and order anew. */
public record AdhesionRepriseV1(String adhesionId, String siren, LocalDate dateEffet) {
}
