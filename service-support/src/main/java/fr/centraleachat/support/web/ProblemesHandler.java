package fr.centraleachat.support.web;

import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.support.web.Problemes.ErreurChamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem in French. Invalid input of any shape (malformed JSON, wrong
 * types, bad check digits, broken business rules) is a 400 with per-field messages, never a 500.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemesHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemesHandler.class);

    @ExceptionHandler(ValeurInvalideException.class)
    ResponseEntity<ProblemDetail> valeurInvalide(ValeurInvalideException e) {
        List<ErreurChamp> erreurs = e.champ() == null ? List.of() : List.of(new ErreurChamp(e.champ(), e.getMessage()));
        return repondre(Problemes.requeteInvalide(e.getMessage(), erreurs));
    }

    @ExceptionHandler(TransitionInterditeException.class)
    ResponseEntity<ProblemDetail> transitionInterdite(TransitionInterditeException e) {
        ProblemDetail probleme = Problemes.probleme(HttpStatus.CONFLICT, "Opération impossible dans l'état actuel", e.getMessage());
        probleme.setProperty("etatActuel", e.etatActuel());
        return repondre(probleme);
    }

    @ExceptionHandler(RessourceIntrouvableException.class)
    ResponseEntity<ProblemDetail> introuvable(RessourceIntrouvableException e) {
        return repondre(Problemes.probleme(HttpStatus.NOT_FOUND, "Ressource introuvable", e.getMessage()));
    }

    @ExceptionHandler({AccesRefuseException.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> accesRefuse(RuntimeException e) {
        String detail = e instanceof AccesRefuseException ? e.getMessage()
                : "Vos droits ne permettent pas cette opération.";
        return repondre(Problemes.probleme(HttpStatus.FORBIDDEN, "Accès refusé", detail));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> modificationConcurrente(OptimisticLockingFailureException e) {
        return repondre(Problemes.probleme(HttpStatus.CONFLICT, "Modification concurrente",
                "La ressource a été modifiée entre-temps par une autre requête. Rechargez-la puis recommencez."));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> doublon(DuplicateKeyException e) {
        return repondre(Problemes.probleme(HttpStatus.CONFLICT, "Doublon", "Cette ressource existe déjà."));
    }

    /**
     * A multipart request the container could not read: a part or the whole over its size limit (413), or a
     * malformed or truncated body (400).
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(org.springframework.web.multipart.MultipartException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.springframework.web.multipart.MaxUploadSizeExceededException
                    || cause.getClass().getSimpleName().endsWith("SizeLimitExceededException")
                    || cause instanceof CorpsTropVolumineuxException) {
                return repondre(Problemes.probleme(HttpStatus.CONTENT_TOO_LARGE, "Fichier trop volumineux",
                        "Un fichier ou l'ensemble de l'envoi dépasse la taille maximale acceptée."));
            }
        }
        return repondre(Problemes.requeteInvalide("Le corps multipart est invalide ou tronqué.", List.of()));
    }

    /** A body read before the endpoint (e.g. to fingerprint it) that goes past the limit. */
    @ExceptionHandler(CorpsTropVolumineuxException.class)
    ResponseEntity<ProblemDetail> tropVolumineux(CorpsTropVolumineuxException e) {
        return repondre(LimiteCorpsFilter.probleme(e.limite()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> inattendue(Exception e) {
        LOG.error("Unhandled error", e);
        return repondre(Problemes.probleme(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne",
                "Une erreur inattendue est survenue. Communiquez l'identifiant de corrélation au support."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        for (FieldError erreur : e.getBindingResult().getFieldErrors()) {
            erreurs.add(new ErreurChamp(erreur.getField(), erreur.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(erreur -> erreurs.add(new ErreurChamp(erreur.getObjectName(), erreur.getDefaultMessage())));
        return objet(Problemes.requeteInvalide("La requête contient des champs invalides.", erreurs));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        e.getParameterValidationResults().forEach(resultat -> resultat.getResolvableErrors().forEach(erreur ->
                erreurs.add(new ErreurChamp(resultat.getMethodParameter().getParameterName(), erreur.getDefaultMessage()))));
        return objet(Problemes.requeteInvalide("La requête contient des paramètres invalides.", erreurs));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        CorpsTropVolumineuxException tropGros = trouver(e, CorpsTropVolumineuxException.class);
        if (tropGros != null) {
            return objet(LimiteCorpsFilter.probleme(tropGros.limite()));
        }
        ValeurInvalideException valeur = trouver(cause, ValeurInvalideException.class);
        String chemin = cheminJson(cause);
        if (valeur != null) {
            String champ = chemin != null ? chemin : valeur.champ();
            return objet(Problemes.requeteInvalide(valeur.getMessage(),
                    List.of(new ErreurChamp(champ, valeur.getMessage()))));
        }
        UnrecognizedPropertyException inconnue = trouver(cause, UnrecognizedPropertyException.class);
        if (inconnue != null) {
            String message = "Propriété inconnue : « " + inconnue.getPropertyName() + " ».";
            return objet(Problemes.requeteInvalide(message,
                    List.of(new ErreurChamp(chemin != null ? chemin : inconnue.getPropertyName(), message))));
        }
        MismatchedInputException typeIncorrect = trouver(cause, MismatchedInputException.class);
        if (typeIncorrect != null && chemin != null) {
            Class<?> cible = typeIncorrect.getTargetType();
            if (cible != null && cible.isEnum()) {
                String message = "Valeur inconnue ; valeurs acceptées : " + Arrays.stream(cible.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")) + ".";
                return objet(Problemes.requeteInvalide("La requête contient une valeur inconnue.",
                        List.of(new ErreurChamp(chemin, message))));
            }
            return objet(Problemes.requeteInvalide("La requête contient une valeur de type incorrect.",
                    List.of(new ErreurChamp(chemin, "Valeur absente ou de type incorrect"
                            + (cible == null ? "." : " (attendu : " + typeAttendu(cible) + ").")))));
        }
        if (trouver(cause, StreamConstraintsException.class) != null) {
            return objet(Problemes.requeteInvalide("Le corps de la requête dépasse les limites acceptées (longueur "
                    + "d'un texte ou d'un nombre, profondeur d'imbrication).", List.of()));
        }
        if (cause instanceof DatabindException && chemin != null) {
            return objet(Problemes.requeteInvalide("La requête contient une valeur de type incorrect.",
                    List.of(new ErreurChamp(chemin, "Valeur absente ou de type incorrect."))));
        }
        if (cause instanceof JacksonException) {
            return objet(Problemes.requeteInvalide("Le corps de la requête n'est pas un JSON valide.", List.of()));
        }
        return objet(Problemes.requeteInvalide("Le corps de la requête est absent ou illisible.", List.of()));
    }

    @ExceptionHandler(CorpsInattenduException.class)
    ResponseEntity<ProblemDetail> corpsInattendu(CorpsInattenduException e) {
        return repondre(Problemes.requeteInvalide("Cette opération ne prend pas de corps de requête : "
                + "envoyez-la sans corps.", List.of()));
    }

    /** A caller's value quoted back, cut short: it may be long or carry anything. */
    private static String extrait(Object valeur) {
        String texte = String.valueOf(valeur).replaceAll("\\p{Cntrl}", "?");
        return texte.length() <= 40 ? texte : texte.substring(0, 40) + "…";
    }

    private static String typeAttendu(Class<?> cible) {
        if (Number.class.isAssignableFrom(cible) || (cible.isPrimitive() && cible != boolean.class)) {
            return "un nombre";
        }
        if (cible == Boolean.class || cible == boolean.class) {
            return "true ou false";
        }
        if (cible == String.class) {
            return "un texte";
        }
        if (java.util.Collection.class.isAssignableFrom(cible) || cible.isArray()) {
            return "une liste";
        }
        return "une valeur de la forme documentée";
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String champ = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        ValeurInvalideException valeur = trouver(e, ValeurInvalideException.class);
        if (valeur != null) {
            return objet(Problemes.requeteInvalide(valeur.getMessage(), List.of(new ErreurChamp(champ, valeur.getMessage()))));
        }
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            String message = "Valeur « " + extrait(e.getValue()) + " » inconnue ; valeurs acceptées : "
                    + Arrays.stream(e.getRequiredType().getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ")) + ".";
            return objet(Problemes.requeteInvalide(message, List.of(new ErreurChamp(champ, message))));
        }
        return objet(Problemes.requeteInvalide("Paramètre de type incorrect : " + champ + ".",
                List.of(new ErreurChamp(champ, "Valeur « " + extrait(e.getValue()) + " » de type incorrect."))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return objet(Problemes.requeteInvalide("Paramètre obligatoire manquant : " + e.getParameterName() + ".",
                List.of(new ErreurChamp(e.getParameterName(), "Paramètre obligatoire."))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return objet(Problemes.requeteInvalide("Partie obligatoire manquante dans l'envoi multipart : "
                + extrait(e.getRequestPartName()) + ".",
                List.of(new ErreurChamp(e.getRequestPartName(), "Partie obligatoire."))));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return objet(Problemes.probleme(HttpStatus.NOT_FOUND, "Ressource introuvable",
                "Aucune ressource à l'adresse /" + e.getResourcePath() + "."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail probleme = Problemes.probleme(HttpStatus.METHOD_NOT_ALLOWED, "Méthode non autorisée",
                "La méthode " + e.getMethod() + " n'est pas acceptée sur cette ressource.");
        HttpHeaders entetes = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            entetes.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(entetes).body(probleme);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return objet(Problemes.probleme(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Type de contenu non supporté",
                "Le corps de la requête doit être envoyé en application/json."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return objet(Problemes.probleme(HttpStatus.NOT_ACCEPTABLE, "Format de réponse non disponible",
                "Cette ressource est disponible en application/json."));
    }

    private static ResponseEntity<ProblemDetail> repondre(ProblemDetail probleme) {
        return ResponseEntity.status(probleme.getStatus()).body(probleme);
    }

    private static ResponseEntity<Object> objet(ProblemDetail probleme) {
        return ResponseEntity.status(probleme.getStatus()).body(probleme);
    }

    private static <T extends Throwable> T trouver(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The JSON path of the offending value, e.g. {@code lots[0].montantEstime}, when Jackson knows it. */
    private static String cheminJson(Throwable cause) {
        DatabindException databind = trouver(cause, DatabindException.class);
        if (databind == null || databind.getPath().isEmpty()) {
            return null;
        }
        StringBuilder chemin = new StringBuilder();
        for (var reference : databind.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!chemin.isEmpty()) {
                    chemin.append('.');
                }
                chemin.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                chemin.append('[').append(reference.getIndex()).append(']');
            }
        }
        return chemin.isEmpty() ? null : chemin.toString();
    }
}
