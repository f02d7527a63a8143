package fr.centraleachat.contracts.adhesion;

import java.time.LocalDate;

/**
 * A member's approval of the convention (its deliberation) was recorded. Subject and key: the groupement id.
 */
public record ApprobationGroupementEnregistreeV1(String siren, String numeroDeliberation, LocalDate dateDeliberation, GroupementV1 groupement) {
}
