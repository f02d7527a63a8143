package fr.centraleachat.marche.fichier.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.regex.Pattern;

/**
 * A stored file as its owner records it: where it is, the name the depositor gave, its type as detected, its size
 * and the SHA-256 of its content (of the clear content, also when it is stored encrypted).
 */
public record FichierStocke(String id, String nom, String typeContenu, long taille, String sha256) {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public FichierStocke {
        if (id == null || id.isBlank()) {
            throw new ValeurInvalideException("fichier", "Identifiant de fichier manquant.");
        }
        nom = NomDeFichier.valider(nom);
        if (taille < 0) {
            throw new ValeurInvalideException("fichier", "Taille de fichier négative.");
        }
        if (sha256 == null || !HEX_64.matcher(sha256).matches()) {
            throw new ValeurInvalideException("fichier", "Empreinte SHA-256 invalide.");
        }
    }
}
