package fr.centraleachat.marche.pli.application;

import fr.centraleachat.marche.pli.domain.StatutPli;
import java.time.Instant;
import java.util.List;

/**
 * The procès-verbal d'ouverture des plis: when and by whom the plis were opened, and every pli received per lot —
 * supplier, time of receipt, on time or late, status — with the check of each file against its receipt's SHA-256.
 */
public record ProcesVerbalOuverture(String consultationId, String objet, Instant ouvertLe, String ouvertPar,
        List<LotOuvert> lots, long anomalies) {

    /** @param anomalies how many files differ from their receipt or no longer decrypt: any is to be reported */
    static ProcesVerbalOuverture de(String consultationId, String objet, Instant ouvertLe, String ouvertPar,
            List<LotOuvert> lots) {
        return new ProcesVerbalOuverture(consultationId, objet, ouvertLe, ouvertPar, lots, lots.stream()
                .flatMap(l -> l.plis().stream()).flatMap(p -> p.fichiers().stream()).filter(f -> !f.conforme()).count());
    }

    public record LotOuvert(int numero, String intitule, List<PliOuvert> plis) {
    }

    public record PliOuvert(String numero, String siret, String raisonSociale, Instant recuLe, StatutPli statut,
            boolean horsDelai, List<FichierVerifie> fichiers) {
    }

    /** A file read back and hashed again: {@code conforme} when it matches the SHA-256 of the receipt. */
    public record FichierVerifie(String nom, long taille, String sha256Accuse, String sha256Relu, boolean conforme) {
    }
}
