package fr.centraleachat.contracts.adhesion;

import java.time.LocalDate;

/**
 * A member withdrew from the groupement before its constitution. Subject and key: the groupement id.
 */
public record MembreRetireDuGroupementV1(String siren, LocalDate date, GroupementV1 groupement) {
}
