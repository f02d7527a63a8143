package fr.centraleachat.contracts.adhesion;

import java.time.LocalDate;

/**
 * The groupement was dissolved. Subject and key: the groupement id.
 */
public record GroupementDissousV1(LocalDate date, String motif, GroupementV1 groupement) {
}
