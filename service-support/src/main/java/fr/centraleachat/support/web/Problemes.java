package fr.centraleachat.support.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents this platform answers with, titles in French. */
public final class Problemes {

    /** A per-field message, as shown next to the field in a form. */
    public record ErreurChamp(String champ, String message) {
    }

    private Problemes() {
    }

    public static ProblemDetail probleme(HttpStatus statut, String titre, String detail) {
        ProblemDetail probleme = ProblemDetail.forStatusAndDetail(statut, detail);
        probleme.setTitle(titre);
        probleme.setType(URI.create("urn:centrale-achat:probleme:" + slug(statut)));
        String correlation = CorrelationId.courant();
        if (correlation != null) {
            probleme.setProperty("correlationId", correlation);
        }
        return probleme;
    }

    public static ProblemDetail requeteInvalide(String detail, List<ErreurChamp> erreurs) {
        ProblemDetail probleme = probleme(HttpStatus.BAD_REQUEST, "Requête invalide", detail);
        if (!erreurs.isEmpty()) {
            probleme.setProperty("erreurs", erreurs);
        }
        return probleme;
    }

    private static String slug(HttpStatus statut) {
        return switch (statut) {
            case BAD_REQUEST -> "requete-invalide";
            case UNAUTHORIZED -> "authentification-requise";
            case FORBIDDEN -> "acces-refuse";
            case NOT_FOUND -> "introuvable";
            case CONFLICT -> "conflit";
            case METHOD_NOT_ALLOWED -> "methode-non-autorisee";
            case UNSUPPORTED_MEDIA_TYPE -> "type-de-contenu-non-supporte";
            case NOT_ACCEPTABLE -> "format-de-reponse-non-disponible";
            case SERVICE_UNAVAILABLE -> "service-indisponible";
            default -> statut.is5xxServerError() ? "erreur-interne" : "erreur";
        };
    }
}
