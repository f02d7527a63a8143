package fr.centraleachat.diffusion.webhook.web;

import fr.centraleachat.diffusion.flux.domain.Curseur;
import fr.centraleachat.diffusion.webhook.domain.Abonnement;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;

/** A subscription as its owner sees it; the secret only in the creation's answer. */
record AbonnementVue(
        String id,
        String url,
        List<String> types,
        String statut,
        @Schema(description = "Curseur du dernier événement livré (ou écarté par le filtre)") String curseur,
        long livres,
        int echecsConsecutifs,
        OffsetDateTime prochaineTentative,
        String derniereErreur,
        OffsetDateTime derniereLivraison,
        OffsetDateTime creeLe,
        @Schema(description = "Secret de signature (HMAC-SHA256), donné une seule fois, à la création")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static AbonnementVue de(Abonnement a) {
        return vue(a, null);
    }

    static AbonnementVue avecSecret(Abonnement a) {
        return vue(a, a.secret());
    }

    private static AbonnementVue vue(Abonnement a, String secret) {
        return new AbonnementVue(a.id(), a.url().valeur().toString(), a.types().stream().sorted().toList(),
                a.statut().name(), new Curseur(a.position()).texte(), a.livres(), a.echecsConsecutifs(),
                date(a.prochaineTentative()), a.derniereErreur(), date(a.derniereLivraison()), date(a.creeLe()),
                secret);
    }

    private static OffsetDateTime date(Instant instant) {
        return instant == null ? null : instant.atZone(PARIS).toOffsetDateTime();
    }
}
