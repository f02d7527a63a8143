package fr.centraleachat.catalogue.souscription.web;

import fr.centraleachat.catalogue.souscription.domain.Souscription;
import fr.centraleachat.catalogue.souscription.domain.StatutSouscription;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

public record SouscriptionVue(String id, String numeroContrat, String siren, String nomMembre,
        StatutSouscription statut, OffsetDateTime creeeLe, OffsetDateTime resilieeLe) {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static SouscriptionVue de(Souscription s) {
        return new SouscriptionVue(s.id(), s.numeroContrat(), s.siren().valeur(), s.nomMembre(), s.statut(),
                paris(s.creeeLe()), paris(s.resilieeLe()));
    }

    private static OffsetDateTime paris(Instant instant) {
        return instant == null ? null : instant.atZone(PARIS).toOffsetDateTime();
    }
}
