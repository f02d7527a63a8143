package fr.centraleachat.catalogue.commande.web;

import fr.centraleachat.catalogue.commande.domain.BonDeCommande;
import fr.centraleachat.catalogue.commande.domain.StatutBonDeCommande;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

public record BonDeCommandeVue(String numero, String numeroContrat, String siren, String titulaireSiret,
        StatutBonDeCommande statut, LocalDate dateCommande, List<LigneVue> lignes, BigDecimal montantHt,
        BigDecimal montantTva, BigDecimal montantTtc, String adresseLivraison, OffsetDateTime emisLe,
        LocalDate livreLe, OffsetDateTime annuleLe, String motifAnnulation) {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public record LigneVue(String reference, String designation, String unite, BigDecimal quantite,
            BigDecimal prixUnitaireHt, BigDecimal tauxTva, BigDecimal montantHt) {
    }

    static BonDeCommandeVue de(BonDeCommande b) {
        return new BonDeCommandeVue(b.numero(), b.numeroContrat(), b.siren().valeur(), b.titulaire().valeur(),
                b.statut(), b.dateCommande(), b.lignes().stream().map(l -> new LigneVue(l.reference(), l.designation(),
                        l.unite(), l.quantite(), l.prixUnitaireHt(), l.tauxTva(), l.montantHt())).toList(),
                b.montantHt(), b.montantTva(), b.montantTtc(), b.adresseLivraison(), paris(b.emisLe()), b.livreLe(),
                paris(b.annuleLe()), b.motifAnnulation());
    }

    private static OffsetDateTime paris(Instant instant) {
        return instant == null ? null : instant.atZone(PARIS).toOffsetDateTime();
    }
}
