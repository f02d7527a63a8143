package fr.centraleachat.marche.alerte.web;

import fr.centraleachat.marche.alerte.domain.CriteresAlerte;
import fr.centraleachat.marche.alerte.domain.Departement;
import fr.centraleachat.marche.alerte.domain.MotCle;
import fr.centraleachat.marche.alerte.domain.PrefixeCpv;
import fr.centraleachat.marche.alerte.domain.ProfilAlerte;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** An alert profile as its supplier reads it; lists as given, duplicates removed. */
public record ProfilAlerteVue(String id, String libelle, String email, List<String> cpv, List<Nature> natures,
        List<String> motsCles, List<String> departements, OffsetDateTime creeLe, OffsetDateTime modifieLe) {

    static ProfilAlerteVue de(ProfilAlerte p) {
        CriteresAlerte c = p.criteres();
        return new ProfilAlerteVue(p.id(), p.libelle(), p.email().valeur(),
                c.cpv().stream().map(PrefixeCpv::saisie).toList(), c.natures(),
                c.motsCles().stream().map(MotCle::texte).toList(),
                c.departements().stream().map(Departement::code).toList(), paris(p.creeLe()), paris(p.modifieLe()));
    }

    private static OffsetDateTime paris(Instant instant) {
        return instant.atZone(HeureDeParis.FUSEAU).toOffsetDateTime();
    }
}
