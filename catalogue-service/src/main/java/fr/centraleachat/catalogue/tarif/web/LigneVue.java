package fr.centraleachat.catalogue.tarif.web;

import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

public record LigneVue(String reference, String designation, String unite, String conditionnement,
        @Schema(description = "Prix unitaire HT en euros, 4 décimales au plus") BigDecimal prixUnitaireHt,
        @Schema(description = "Taux de TVA en pourcentage (0, 2.1, 5.5, 10 ou 20)") BigDecimal tauxTva,
        @Schema(description = "Prix unitaire TTC arrondi au centime") BigDecimal prixUnitaireTtc,
        String cpv) {

    static LigneVue de(LigneTarif l) {
        return new LigneVue(l.reference(), l.designation(), l.unite(), l.conditionnement(), l.prixUnitaireHt(),
                l.tauxTva(), l.prixUnitaireTtc(), l.cpv() == null ? null : l.cpv().valeur());
    }
}
