package fr.centraleachat.marche.pli.application;

import fr.centraleachat.marche.pli.domain.NaturePiece;
import fr.centraleachat.marche.pli.domain.Pli;
import fr.centraleachat.marche.pli.domain.Soumission;
import fr.centraleachat.marche.pli.domain.StatutPli;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The accusé de réception of a pli: what the supplier can prove it filed and when. Nothing sealed appears here:
 * no price, and no digest of the offer data (a price is too easy to guess from its hash). {@code aConfirmer}: filed
 * before the consultation's last substantial rectificatif, in force, so its supplier should confirm it by a new pli.
 */
public record AccuseReception(String numero, String consultationId, int lot, String siret, Instant recuLe,
        StatutPli statut, boolean horsDelai, boolean aConfirmer, List<PieceRecue> pieces) {

    public record PieceRecue(NaturePiece nature, String nom, String typeContenu, long taille, String sha256) {
    }

    static AccuseReception de(Soumission soumission, Pli pli, Optional<Instant> dernierRectificatifSubstantiel) {
        return new AccuseReception(pli.numero(), soumission.consultationId(), soumission.lot(),
                soumission.soumissionnaire().valeur(), pli.recuLe(), pli.statut(), pli.horsDelai(),
                pli.aConfirmer(dernierRectificatifSubstantiel),
                pli.pieces().stream().map(p -> new PieceRecue(p.nature(), p.fichier().nom(), p.fichier().typeContenu(),
                        p.fichier().taille(), p.fichier().sha256())).toList());
    }
}
