package fr.centraleachat.support.security;

import fr.centraleachat.support.web.Problemes;
import fr.centraleachat.support.web.ReponseProbleme;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 raised by the security filters, written as French problem+json like every other error. */
final class ProblemeSecuriteHandlers {

    private ProblemeSecuriteHandlers() {
    }

    static AuthenticationEntryPoint authentificationRequise(JsonMapper json) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            // Keeps the standard WWW-Authenticate header (with the token error when there is one).
            bearer.commence(request, response, exception);
            ecrire(json, response, Problemes.probleme(HttpStatus.UNAUTHORIZED, "Authentification requise",
                    "Un jeton d'accès valide est nécessaire (en-tête Authorization: Bearer)."));
        };
    }

    static AccessDeniedHandler accesRefuse(JsonMapper json) {
        return (request, response, exception) -> ecrire(json, response,
                Problemes.probleme(HttpStatus.FORBIDDEN, "Accès refusé", "Vos droits ne permettent pas cette opération."));
    }

    private static void ecrire(JsonMapper json, HttpServletResponse response, ProblemDetail probleme) throws IOException {
        ReponseProbleme.ecrire(json, response, probleme);
    }
}
