package fr.centraleachat.marche.analyse.domain;

import fr.centraleachat.kernel.Siret;
import java.math.BigDecimal;

/**
 * An offer whose price looks abnormally low, with the computation shown: its price against the mean of the other
 * admitted offers and the threshold in force. It is never rejected automatically (R2152-3): the acheteur decides.
 */
public record PrixAnormalementBas(String numeroPli, Siret soumissionnaire, BigDecimal prixHt, BigDecimal moyenneDesAutres,
        BigDecimal ecartPourcent, BigDecimal seuilPourcent, String methode) {
}
