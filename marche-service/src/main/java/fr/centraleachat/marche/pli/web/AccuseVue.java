package fr.centraleachat.marche.pli.web;

import fr.centraleachat.marche.pli.application.AccuseReception;
import fr.centraleachat.marche.pli.domain.NaturePiece;
import fr.centraleachat.marche.pli.domain.StatutPli;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An accusé de réception as the API shows it; the time of receipt in Paris time. {@code aConfirmer}: the pli is in
 * force but was filed before the consultation's last substantial rectificatif; its supplier confirms it by filing a
 * new pli.
 */
public record AccuseVue(String numero, String consultationId, int lot, String siret, OffsetDateTime recuLe,
        StatutPli statut, boolean horsDelai, boolean aConfirmer, List<PieceVue> pieces) {

    public record PieceVue(NaturePiece nature, String nom, String typeContenu, long taille, String sha256) {
    }

    static AccuseVue de(AccuseReception a) {
        return new AccuseVue(a.numero(), a.consultationId(), a.lot(), a.siret(),
                a.recuLe().atZone(HeureDeParis.FUSEAU).toOffsetDateTime(), a.statut(), a.horsDelai(), a.aConfirmer(),
                a.pieces().stream().map(p -> new PieceVue(p.nature(), p.nom(), p.typeContenu(), p.taille(), p.sha256()))
                        .toList());
    }
}
