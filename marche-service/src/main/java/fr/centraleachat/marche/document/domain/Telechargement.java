package fr.centraleachat.marche.document.domain;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One download of the DCE, kept as the record of withdrawals the arrêté du 22 mars 2019 requires of a profil
 * d'acheteur: who (when known: token subject, roles, a supplier's SIRET, an agent's member body), when, what (one
 * file, or the whole archive and every file in it) and the request's correlation id. Never changed once written.
 *
 * @param sujet null for an anonymous download
 * @param archive the whole DCE as one ZIP archive, {@code fichiers} listing what it held
 */
public record Telechargement(String id, ConsultationId consultationId, Instant date, String sujet, List<String> roles,
        String siret, String membre, boolean archive, List<FichierTelecharge> fichiers, String correlationId) {

    public Telechargement {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A download record needs an id");
        }
        Objects.requireNonNull(consultationId, "consultationId");
        Objects.requireNonNull(date, "date");
        roles = List.copyOf(roles);
        fichiers = List.copyOf(fichiers);
        if (!archive && fichiers.size() != 1) {
            throw new IllegalArgumentException("A single download is of exactly one file");
        }
    }

    public boolean anonyme() {
        return sujet == null;
    }

    /** One file downloaded: which document, which version, its name and SHA-256. */
    public record FichierTelecharge(int document, int version, String nom, String sha256) {

        public FichierTelecharge {
            Objects.requireNonNull(nom, "nom");
            Objects.requireNonNull(sha256, "sha256");
        }
    }
}
