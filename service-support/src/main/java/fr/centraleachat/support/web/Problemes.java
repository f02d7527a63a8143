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

    /** The French title of a status, for the errors that have no more specific one. */
    public static String titre(HttpStatus statut) {
        return switch (statut) {
            case BAD_REQUEST -> "Requête invalide";
            case UNAUTHORIZED -> "Authentification requise";
            case FORBIDDEN -> "Accès refusé";
            case NOT_FOUND -> "Ressource introuvable";
            case METHOD_NOT_ALLOWED -> "Méthode non autorisée";
            case NOT_ACCEPTABLE -> "Format de réponse non disponible";
            case CONFLICT -> "Conflit";
            case CONTENT_TOO_LARGE -> "Requête trop volumineuse";
            case URI_TOO_LONG -> "Adresse trop longue";
            case UNSUPPORTED_MEDIA_TYPE -> "Type de contenu non supporté";
            case UNPROCESSABLE_CONTENT -> "Requête non traitable";
            case TOO_MANY_REQUESTS -> "Trop de requêtes";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "En-têtes trop volumineux";
            case SERVICE_UNAVAILABLE -> "Service indisponible";
            case GATEWAY_TIMEOUT -> "Délai dépassé";
            default -> statut.is5xxServerError() ? "Erreur interne" : "Erreur";
        };
    }

    /** A generic French explanation of a status. */
    public static String detail(HttpStatus statut) {
        return switch (statut) {
            case BAD_REQUEST -> "La requête est mal formée.";
            case UNAUTHORIZED -> "Un jeton d'accès valide est requis.";
            case FORBIDDEN -> "Vos droits ne permettent pas cette opération.";
            case NOT_FOUND -> "Aucune ressource à cette adresse.";
            case METHOD_NOT_ALLOWED -> "Cette méthode n'est pas acceptée sur cette ressource.";
            case CONTENT_TOO_LARGE -> "Le corps de la requête dépasse la taille maximale acceptée.";
            case URI_TOO_LONG -> "L'adresse de la requête dépasse la longueur maximale acceptée.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "Les en-têtes de la requête dépassent la taille maximale acceptée.";
            case SERVICE_UNAVAILABLE -> "Le service est momentanément indisponible. Réessayez dans quelques instants.";
            default -> statut.is5xxServerError()
                    ? "Une erreur inattendue est survenue. Communiquez l'identifiant de corrélation au support."
                    : "La requête n'a pas pu être traitée.";
        };
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
            case CONTENT_TOO_LARGE -> "requete-trop-volumineuse";
            case URI_TOO_LONG -> "adresse-trop-longue";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "en-tetes-trop-volumineux";
            case UNPROCESSABLE_CONTENT -> "requete-non-traitable";
            case TOO_MANY_REQUESTS -> "trop-de-requetes";
            case SERVICE_UNAVAILABLE -> "service-indisponible";
            case GATEWAY_TIMEOUT -> "delai-depasse";
            default -> statut.is5xxServerError() ? "erreur-interne" : "erreur";
        };
    }
}
