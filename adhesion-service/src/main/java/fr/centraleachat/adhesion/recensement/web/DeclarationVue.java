package fr.centraleachat.adhesion.recensement.web;

import fr.centraleachat.adhesion.recensement.application.DeclarationDetaillee;
import fr.centraleachat.adhesion.recensement.domain.DeclarationBesoins;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A member's declaration as the API shows it. */
public record DeclarationVue(String recensementId, String siren, String nomMembre, long revision, Instant declareLe,
        List<BesoinVue> lots) {

    public record BesoinVue(int lot, boolean pasDeBesoin, BigDecimal quantite, BigDecimal montantEstime,
            List<String> sitesLivraison, String commentaire) {
    }

    static DeclarationVue de(DeclarationDetaillee detail) {
        DeclarationBesoins d = detail.declaration();
        return new DeclarationVue(d.recensement().toString(), d.membre().valeur(),
                detail.membre() == null ? null : detail.membre().nom(), d.revision(), d.declareLe(),
                d.lots().stream().map(b -> new BesoinVue(b.lot(), b.pasDeBesoin(), b.quantite(), b.montantEstime(),
                        b.sitesLivraison(), b.commentaire())).toList());
    }
}
