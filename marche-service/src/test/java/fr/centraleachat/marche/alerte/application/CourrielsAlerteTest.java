package fr.centraleachat.marche.alerte.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.marche.alerte.domain.AdresseCourriel;
import fr.centraleachat.marche.alerte.domain.Alerte;
import fr.centraleachat.marche.alerte.domain.AvisConsultation;
import fr.centraleachat.marche.alerte.domain.CriteresAlerte;
import fr.centraleachat.marche.alerte.domain.Departement;
import fr.centraleachat.marche.alerte.domain.ProfilAlerte;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import fr.centraleachat.support.courriel.Courriel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CourrielsAlerteTest {

    private static final Instant LE = Instant.parse("2026-12-01T09:00:00Z");
    private static final AdresseCourriel VEILLE = new AdresseCourriel("veille@papeterie.fr");
    private static final AvisConsultation AVIS = new AvisConsultation("c1", "Fournitures de bureau 2027",
            Nature.FOURNITURES, new CodeCpv("30192000-1"),
            List.of(new AvisConsultation.LotAvis(1, "Papiers recyclés", new CodeCpv("30197630-1"))),
            new Departement("21"), Procedure.APPEL_OFFRES_OUVERT, Instant.parse("2027-01-15T11:00:00Z"));

    private final CourrielsAlerte redaction = new CourrielsAlerte("https://centrale.example/");

    @Test
    void namesTheProfileAndHowToStopIt() {
        Courriel courriel = redaction.alerte(new Alerte(VEILLE, List.of(profil("p1", "Papier"))), AVIS,
                Optional.empty());

        assertThat(courriel.destinataires()).containsExactly("veille@papeterie.fr");
        assertThat(courriel.sujet()).isEqualTo("Nouvelle consultation : Fournitures de bureau 2027");
        assertThat(courriel.texte()).contains("votre profil d'alerte « Papier » vient d'être publiée",
                "15/01/2027 à 12h00", "lot 1 : Papiers recyclés (CPV 30197630-1)",
                "https://centrale.example/api/marche/consultations/c1/documents",
                "ce profil d'alerte", "https://centrale.example/api/marche/alertes/p1");
    }

    @Test
    void oneMailNamesEveryMatchingProfileAtItsAddress() {
        Courriel courriel = redaction.alerte(new Alerte(VEILLE, List.of(profil("p1", "Papier"),
                profil("p4", "Bureau"))), AVIS, Optional.empty());

        assertThat(courriel.destinataires()).containsExactly("veille@papeterie.fr");
        assertThat(courriel.texte()).contains("vos profils d'alerte « Papier », « Bureau » vient d'être publiée",
                "ces profils d'alerte", "https://centrale.example/api/marche/alertes/p1",
                "https://centrale.example/api/marche/alertes/p4");
    }

    private static ProfilAlerte profil(String id, String libelle) {
        return new ProfilAlerte(id, libelle, VEILLE, CriteresAlerte.aucun(), LE, LE);
    }
}
