package fr.centraleachat.contracts.marche;

import fr.centraleachat.contracts.Facultatif;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lot of a consultation was attributed: the standstill (if any) starts when the rejection notices are sent, and
 * the marché is notified after it ({@code MarcheNotifie}). Amount in euros HT, the offer's price. Subject: the
 * consultation id.
 *
 * @param choixHorsClassement whether the acheteur chose another offer than the best-ranked one (with a justification
 *     kept in the consultation's journal)
 */
public record LotAttribueV1(String consultationId, int lot, String titulaireSiret,
        @Facultatif String titulaireRaisonSociale, BigDecimal montantOffreHt, boolean choixHorsClassement, Instant dateAttribution) {
}
