package fr.centraleachat.contracts.adhesion;

import fr.centraleachat.contracts.Facultatif;
import java.time.LocalDate;
import java.util.List;

/**
 * A member body's adhésion to the centrale became effective: from {@code dateEffet} it may subscribe to shared
 * contracts in the given purchasing families. Subject: the adhésion id.
 *
 * @param missions {@code PASSATION} or {@code PASSATION_ET_EXECUTION}
 * @param typeMembre {@code METROPOLE}, {@code COMMUNE}, {@code CCAS}, {@code EPL} or {@code EPCI}
 */
public record AdhesionActiveeV1(
        String adhesionId,
        String siren,
        String nomMembre,
        String typeMembre,
        List<String> famillesAchat,
        String missions,
        @Facultatif String numeroDeliberation,
        @Facultatif LocalDate dateDeliberation,
        LocalDate dateEffet) {
}
