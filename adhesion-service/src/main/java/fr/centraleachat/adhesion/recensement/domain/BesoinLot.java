package fr.centraleachat.adhesion.recensement.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A member's answer for one lot: a quantity and an estimated amount (euros HT), or no need at all.
 *
 * @param quantite null when {@code pasDeBesoin}
 * @param montantEstime null when {@code pasDeBesoin}; kept to the cent
 */
public record BesoinLot(int lot, boolean pasDeBesoin, BigDecimal quantite, BigDecimal montantEstime,
        List<String> sitesLivraison, String commentaire) {

    public static final BigDecimal QUANTITE_MAX = BigDecimal.TEN.pow(9);
    public static final BigDecimal MONTANT_MAX = BigDecimal.TEN.pow(10);
    public static final int DECIMALES_QUANTITE = 3;
    public static final int SITES_MAX = 20;
    public static final int SITE_MAX = 200;
    public static final int COMMENTAIRE_MAX = 1000;

    public BesoinLot {
        String ce = "lot " + lot;
        if (pasDeBesoin) {
            if (quantite != null || montantEstime != null) {
                throw new ValeurInvalideException("lots", "Pour le " + ce + ", « pas de besoin » exclut une quantité"
                        + " et un montant estimé.");
            }
        } else {
            if (quantite == null || montantEstime == null) {
                throw new ValeurInvalideException("lots", "Pour le " + ce + ", la quantité et le montant estimé sont"
                        + " obligatoires (ou indiquez pasDeBesoin).");
            }
            quantite = borne(quantite, QUANTITE_MAX, DECIMALES_QUANTITE, "lots.quantite", "La quantité du " + ce);
            montantEstime = borne(montantEstime, MONTANT_MAX, 2, "lots.montantEstime", "Le montant estimé du " + ce)
                    .setScale(2);
        }
        sitesLivraison = sitesLivraison == null ? List.of() : List.copyOf(sitesLivraison.stream().map(s -> {
            if (s == null || s.isBlank()) {
                throw new ValeurInvalideException("lots.sitesLivraison", "Un site de livraison ne peut pas être vide.");
            }
            if (s.strip().length() > SITE_MAX) {
                throw new ValeurInvalideException("lots.sitesLivraison",
                        "Un site de livraison dépasse " + SITE_MAX + " caractères.");
            }
            return s.strip();
        }).toList());
        if (sitesLivraison.size() > SITES_MAX) {
            throw new ValeurInvalideException("lots.sitesLivraison",
                    "Au plus " + SITES_MAX + " sites de livraison par lot.");
        }
        if (commentaire != null) {
            commentaire = commentaire.strip();
            if (commentaire.isEmpty() || commentaire.length() > COMMENTAIRE_MAX) {
                throw new ValeurInvalideException("lots.commentaire",
                        "Le commentaire doit compter de 1 à " + COMMENTAIRE_MAX + " caractères.");
            }
        }
    }

    public static BesoinLot aucunBesoin(int lot) {
        return new BesoinLot(lot, true, null, null, List.of(), null);
    }

    public static BesoinLot besoin(int lot, BigDecimal quantite, BigDecimal montantEstime) {
        return new BesoinLot(lot, false, quantite, montantEstime, List.of(), null);
    }

    /** Magnitude first, read from precision and scale: an exponent form is never expanded. */
    private static BigDecimal borne(BigDecimal valeur, BigDecimal max, int decimales, String champ, String libelle) {
        long chiffresEntiers = (long) valeur.precision() - valeur.scale();
        if (chiffresEntiers > max.precision() || valeur.compareTo(max) > 0) {
            throw new ValeurInvalideException(champ, libelle + " ne peut dépasser " + max.toPlainString() + ".");
        }
        if (valeur.signum() <= 0) {
            throw new ValeurInvalideException(champ, libelle + " doit être strictement positif.");
        }
        if (valeur.scale() > decimales && valeur.stripTrailingZeros().scale() > decimales) {
            throw new ValeurInvalideException(champ, libelle + " a au plus " + decimales + " décimales.");
        }
        return valeur.scale() < 0 ? valeur.setScale(0) : valeur;
    }
}
