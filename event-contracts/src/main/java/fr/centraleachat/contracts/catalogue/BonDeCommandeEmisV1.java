package fr.centraleachat.contracts.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase order was issued on a contract: its amount is consumed from the contract's maximum. Subject: the
 * contract number.
 */
public record BonDeCommandeEmisV1(String numero, String numeroContrat, String siren, String titulaireSiret,
        BigDecimal montantHt, BigDecimal montantTva, BigDecimal montantTtc, LocalDate dateCommande, List<Ligne> lignes,
        Instant date) {

    public record Ligne(String reference, String designation, BigDecimal quantite, BigDecimal prixUnitaireHt,
            BigDecimal tauxTva, BigDecimal montantHt) {
    }
}
