package fr.centraleachat.contracts.adhesion;

import java.time.LocalDate;

/** The member left the centrale from {@code dateEffet}; orders already placed keep going. */
public record AdhesionResilieeV1(String adhesionId, String siren, LocalDate dateEffet, String motif) {
}
