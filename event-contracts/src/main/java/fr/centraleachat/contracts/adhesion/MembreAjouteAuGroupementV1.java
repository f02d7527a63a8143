package fr.centraleachat.contracts.adhesion;

import java.time.LocalDate;

/**
 * A member joined the groupement. A member joining after a consultation was launched for the groupement does not
 * benefit from it. Subject and key: the groupement id.
 */
public record MembreAjouteAuGroupementV1(String siren, LocalDate date, GroupementV1 groupement) {
}
