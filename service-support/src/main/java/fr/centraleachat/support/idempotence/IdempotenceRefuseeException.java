package fr.centraleachat.support.idempotence;

import fr.centraleachat.support.web.Problemes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A retry the key cannot serve: another request under the same key, or the first one still running. */
class IdempotenceRefuseeException extends ErrorResponseException {

    private IdempotenceRefuseeException(HttpStatus statut, String titre, String detail) {
        super(statut, Problemes.probleme(statut, titre, detail), null);
    }

    static IdempotenceRefuseeException autreRequete() {
        return new IdempotenceRefuseeException(HttpStatus.UNPROCESSABLE_CONTENT, "Clé d'idempotence déjà utilisée",
                "Cette clé Idempotency-Key a déjà servi pour une autre requête (méthode, adresse ou corps différents). "
                        + "Utilisez une nouvelle clé pour une nouvelle requête.");
    }

    static IdempotenceRefuseeException enCours() {
        IdempotenceRefuseeException e = new IdempotenceRefuseeException(HttpStatus.CONFLICT,
                "Requête en cours de traitement", "Une requête portant cette clé Idempotency-Key est en cours de "
                        + "traitement. Réessayez dans un instant pour obtenir sa réponse.");
        e.getHeaders().set("Retry-After", "1");
        return e;
    }
}
