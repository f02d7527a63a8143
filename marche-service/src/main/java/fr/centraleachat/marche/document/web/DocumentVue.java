package fr.centraleachat.marche.document.web;

import fr.centraleachat.marche.document.domain.DocumentEnVigueur;
import fr.centraleachat.marche.document.domain.TypeDocument;
import fr.centraleachat.marche.document.domain.VersionPubliee;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** A document of the DCE as the API shows it: its current version, and the earlier ones a rectificatif replaced. */
public record DocumentVue(
        int numero,
        TypeDocument type,
        @Schema(description = "Titre donné par l'acheteur, s'il en a donné un") String titre,
        String nom,
        @Schema(description = "Type reconnu d'après le contenu du fichier") String typeContenu,
        long taille,
        String sha256,
        int version,
        OffsetDateTime date,
        @Schema(description = "Numéro du rectificatif qui a apporté cette version ; absent pour un document déposé"
                + " hors rectificatif") Integer rectificatif,
        List<VersionVue> versionsPrecedentes) {

    public record VersionVue(int version, String nom, String typeContenu, long taille, String sha256,
            OffsetDateTime date, Integer rectificatif) {
    }

    static DocumentVue de(DocumentEnVigueur d) {
        VersionPubliee v = d.courante();
        return new DocumentVue(d.numero(), d.type(), d.titre(), v.fichier().nom(), v.fichier().typeContenu(),
                v.fichier().taille(), v.fichier().sha256(), v.version(), paris(v), v.rectificatif(),
                d.precedentes().stream().map(p -> new VersionVue(p.version(), p.fichier().nom(),
                        p.fichier().typeContenu(), p.fichier().taille(), p.fichier().sha256(), paris(p),
                        p.rectificatif())).toList());
    }

    private static OffsetDateTime paris(VersionPubliee v) {
        return v.date().atZone(HeureDeParis.FUSEAU).toOffsetDateTime();
    }
}
